using Microsoft.AspNetCore.Http;
using Satchel.Auth;

namespace Satchel.Http;

/// <summary>
/// Loads the auth record from the Authorization header ("TOKEN" or "Bearer TOKEN") of every
/// request. An invalid or expired token leaves the request as a guest; routes decide what that means.
/// </summary>
public sealed class AuthLoadingMiddleware(RequestDelegate next, IApp app)
{
    public Task InvokeAsync(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!string.IsNullOrWhiteSpace(header))
        {
            var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..] : header;
            http.SetAuth(app.Tokens.FindRecordByToken(token.Trim(), TokenTypes.Auth));
        }
        return next(http);
    }
}
