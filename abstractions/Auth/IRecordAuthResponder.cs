using Microsoft.AspNetCore.Http;
using Satchel.Hooks;
using Satchel.Models;

namespace Satchel.Auth;

/// <summary>PocketBase's names of the auth methods (the "method" of an MFA session and of OnRecordAuthRequest).</summary>
public static class AuthMethods
{
    public const string Password = "password";
    public const string OAuth2 = "oauth2";
    public const string Otp = "otp";
}

/// <summary>
/// Finishes a successful authentication the way every auth endpoint does: checks the superuser
/// IP allow-list and the collection's authRule (403 when refused), then fires
/// <c>OnRecordAuthRequest</c> whose core step answers <c>{"token","record"[,"meta"]}</c>.
/// The answer is left on the returned event (Status and Response); the endpoint copies it to
/// its own event and writes it once its hook chain has returned.
/// </summary>
public interface IRecordAuthResponder
{
    /// <summary>
    /// Signs the record in with a new refreshable auth token. <paramref name="authMethod"/> names the
    /// method for MFA and login alerts ("password", "otp", "oauth2"…); empty skips both.
    /// </summary>
    RecordAuthRequestEvent Respond(HttpContext http, Record record, string authMethod, object? meta = null);

    /// <summary>Same as <see cref="Respond"/> with an already issued token (refresh, impersonate).</summary>
    RecordAuthRequestEvent RespondWithToken(HttpContext http, Record record, string token, string authMethod, object? meta = null);
}
