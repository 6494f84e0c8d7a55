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
        var token = AuthHeader.Token(http);
        if (token != "") http.SetAuth(app.Tokens.FindRecordByToken(token, TokenTypes.Auth));
        return next(http);
    }
}
