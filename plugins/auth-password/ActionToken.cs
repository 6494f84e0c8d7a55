using Satchel.Auth;
using Satchel.Errors;
using Satchel.Models;

namespace Satchel.Plugins.AuthPassword;

/// <summary>
/// The emailed tokens of the record auth actions (verification, password reset, email change):
/// the record a token is valid for and its claims, with PocketBase's validation errors.
/// Signatures are checked by <see cref="IAuthTokens"/> (an HMAC comparison in constant time).
/// </summary>
internal static class ActionToken
{
    public static ValidationError Invalid() => new("validation_invalid_token", "Invalid or expired token.");

    public static ValidationError CollectionMismatch() => new("validation_token_collection_mismatch", "The provided token is for different auth collection.");

    /// <summary>A string claim read without checking the signature (check it with <see cref="Find"/>); "" when missing.</summary>
    public static string Claim(IApp app, string token, string name)
        => app.Tokens.ReadClaims(token) is { } claims && claims.TryGetValue(name, out var v) && v is string s ? s : "";

    /// <summary>The record of a valid token of <paramref name="type"/>, or null.</summary>
    public static Record? Find(IApp app, string token, string type) => app.Tokens.FindRecordByToken(token, type);
}
