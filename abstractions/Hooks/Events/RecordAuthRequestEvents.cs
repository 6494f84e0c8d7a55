using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Models;

namespace Satchel.Hooks;

/// <summary>
/// A successful authentication about to be answered (sign-in of any kind or token refresh);
/// handlers may change the token or the meta before the auth response is built.
/// </summary>
public class RecordAuthRequestEvent(IApp app, HttpContext http, Collection collection, Record record, string token, string authMethod)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record Record { get; set; } = record;
    public string Token { get; set; } = token;
    /// <summary>Extra data returned as "meta" in the auth response (e.g. the OAuth2 user).</summary>
    public object? Meta { get; set; }
    /// <summary>"password", "oauth2", "otp", "mfa" or "refresh"…</summary>
    public string AuthMethod { get; set; } = authMethod;
}

/// <summary>
/// A password sign-in attempt. <see cref="Record"/> is the record found for the identity, or null;
/// a handler may assign a different one.
/// </summary>
public class RecordAuthWithPasswordRequestEvent(IApp app, HttpContext http, Collection collection)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record? Record { get; set; }
    public string Identity { get; set; } = "";
    /// <summary>The field the identity was matched on (empty when any identity field may match).</summary>
    public string IdentityField { get; set; } = "";
    public string Password { get; set; } = "";
}

/// <summary>
/// An OAuth2 sign-in or sign-up, after the code exchange and before the external auth is linked.
/// A null <see cref="Record"/> means a new record will be created from <see cref="CreateData"/>.
/// </summary>
public class RecordAuthWithOAuth2RequestEvent(IApp app, HttpContext http, Collection collection, string providerName, OAuth2User oauth2User)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public string ProviderName { get; set; } = providerName;
    /// <summary>The provider implementation that performed the exchange.</summary>
    public object? ProviderClient { get; set; }
    public Record? Record { get; set; }
    public OAuth2User OAuth2User { get; set; } = oauth2User;
    /// <summary>The "createData" submitted for a new record.</summary>
    public Dictionary<string, object?> CreateData { get; set; } = new(StringComparer.Ordinal);
    public bool IsNewRecord { get; set; }
}

/// <summary>A token refresh for the request's auth record, before the new token is made.</summary>
public class RecordAuthRefreshRequestEvent(IApp app, HttpContext http, Collection collection, Record record)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record Record { get; set; } = record;
}

/// <summary>A password reset email request for an existing record.</summary>
public class RecordRequestPasswordResetRequestEvent(IApp app, HttpContext http, Collection collection, Record record)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record Record { get; set; } = record;
}

/// <summary>A password reset confirmation; <see cref="Record"/> already has the new password set.</summary>
public class RecordConfirmPasswordResetRequestEvent(IApp app, HttpContext http, Collection collection, Record record)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record Record { get; set; } = record;
}

/// <summary>A verification email request for an existing, unverified record.</summary>
public class RecordRequestVerificationRequestEvent(IApp app, HttpContext http, Collection collection, Record record)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record Record { get; set; } = record;
}

/// <summary>A verification confirmation for the record the token names.</summary>
public class RecordConfirmVerificationRequestEvent(IApp app, HttpContext http, Collection collection, Record record)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record Record { get; set; } = record;
}

/// <summary>An email change request by the authenticated record.</summary>
public class RecordRequestEmailChangeRequestEvent(IApp app, HttpContext http, Collection collection, Record record, string newEmail)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record Record { get; set; } = record;
    public string NewEmail { get; set; } = newEmail;
}

/// <summary>An email change confirmation for the record the token names.</summary>
public class RecordConfirmEmailChangeRequestEvent(IApp app, HttpContext http, Collection collection, Record record, string newEmail)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record Record { get; set; } = record;
    public string NewEmail { get; set; } = newEmail;
}

/// <summary>
/// A one-time password request (fired by OnRecordRequestOTPRequest). <see cref="Record"/> is null
/// when no record has the email; a handler may create or assign one.
/// </summary>
public class RecordCreateOTPRequestEvent(IApp app, HttpContext http, Collection collection)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record? Record { get; set; }
    /// <summary>The generated one-time password.</summary>
    public string Password { get; set; } = "";
}

/// <summary>A sign-in with a one-time password; <see cref="Otp"/> is the matching "_otps" record.</summary>
public class RecordAuthWithOTPRequestEvent(IApp app, HttpContext http, Collection collection, Record record, Record otp)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record Record { get; set; } = record;
    public Record Otp { get; set; } = otp;
}
