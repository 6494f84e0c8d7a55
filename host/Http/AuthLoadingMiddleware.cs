using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Errors;

namespace Satchel.Http;

/// <summary>
/// Loads the auth record from the Authorization header ("TOKEN" or "Bearer TOKEN") of every
/// request. An invalid or expired token leaves the request as a guest; routes decide what that means.
/// A superuser outside the superuserIPs allow-list is refused on every route.
/// </summary>
public sealed class AuthLoadingMiddleware(RequestDelegate next, IApp app)
{
    public Task InvokeAsync(HttpContext http)
    {
        var token = AuthHeader.Token(http);
        if (token == "") return next(http);
        var auth = app.Tokens.FindRecordByToken(token, TokenTypes.Auth);
        if (auth?.Collection.IsSuperusers == true && !SuperuserIps.Allow(app.Settings, http)) throw ApiException.Forbidden();
        http.SetAuth(auth);
        return next(http);
    }
}
