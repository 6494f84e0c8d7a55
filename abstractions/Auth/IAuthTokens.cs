using Satchel.Models;

namespace Satchel.Auth;

/// <summary>PocketBase's token types (the "type" claim).</summary>
public static class TokenTypes
{
    public const string Auth = "auth";
    public const string File = "file";
    public const string Verification = "verification";
    public const string PasswordReset = "passwordReset";
    public const string EmailChange = "emailChange";
}

/// <summary>
/// Issues and checks the HS256 JWTs of auth records: signed with the record's tokenKey plus the
/// collection's secret for that token type, so a changed password or tokenKey voids older tokens.
/// </summary>
public interface IAuthTokens
{
    /// <summary>An auth token; <paramref name="duration"/> overrides the collection's authToken duration.</summary>
    string NewAuthToken(Record record, TimeSpan? duration = null, bool refreshable = true);

    /// <summary>A token of another type with extra claims (e.g. email, newEmail).</summary>
    string NewToken(Record record, string type, IDictionary<string, object>? extraClaims = null, TimeSpan? duration = null);

    /// <summary>The record the token was issued to, when its signature, expiry and type are valid; else null.</summary>
    Record? FindRecordByToken(string token, params string[] types);

    /// <summary>The claims of a valid token (after <see cref="FindRecordByToken"/> succeeded), or null.</summary>
    IReadOnlyDictionary<string, object?>? ReadClaims(string token);
}
