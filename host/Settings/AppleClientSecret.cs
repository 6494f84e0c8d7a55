using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Satchel.Errors;
using static Satchel.Settings.SettingsErrors;

namespace Satchel.Settings;

/// <summary>
/// "Sign in with Apple" client secret: an ES256 JWT signed with the developer's private key,
/// issued by the team id to the service id, for https://appleid.apple.com, with the key id in "kid".
/// </summary>
public sealed partial class AppleClientSecret
{
    public const string Audience = "https://appleid.apple.com";
    /// <summary>Apple's upper bound for the secret's lifetime (~6 months), in seconds.</summary>
    public const int MaxDuration = 15777000;

    /// <summary>The service id (aka client id) of the app.</summary>
    [JsonPropertyName("clientId")] public string ClientId { get; set => field = value ?? ""; } = "";
    /// <summary>The 10-character developer team id.</summary>
    [JsonPropertyName("teamId")] public string TeamId { get; set => field = value ?? ""; } = "";
    /// <summary>The 10-character id of the private key.</summary>
    [JsonPropertyName("keyId")] public string KeyId { get; set => field = value ?? ""; } = "";
    /// <summary>The PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----).</summary>
    [JsonPropertyName("privateKey")] public string PrivateKey { get; set => field = value ?? ""; } = "";
    /// <summary>Lifetime of the secret in seconds.</summary>
    [JsonPropertyName("duration")] public long Duration { get; set; }

    public ValidationErrors Validate()
    {
        var e = new ValidationErrors();
        Check(e, "clientId", RequiredRule(ClientId));
        Check(e, "teamId", RequiredRule(TeamId), LengthRule(TeamId, 10, 10));
        Check(e, "keyId", RequiredRule(KeyId), LengthRule(KeyId, 10, 10));
        Check(e, "privateKey", RequiredRule(PrivateKey), Format(PrivateKey, PemPrivateKey().IsMatch, MatchInvalid));
        Check(e, "duration", RequiredRule(Duration), MinRule(Duration, 1), MaxRule(Duration, MaxDuration));
        return e;
    }

    /// <summary>Creates the secret; throws <see cref="CryptographicException"/> when the key is not a usable EC key.</summary>
    public string Create(DateTimeOffset now)
    {
        using var ecdsa = ECDsa.Create();
        try
        {
            ecdsa.ImportFromPem(PrivateKey.Trim());
        }
        catch (ArgumentException e)
        {
            throw new CryptographicException("the private key is not a valid PEM encoded EC key", e);
        }
        if (ecdsa.KeySize != 256) throw new CryptographicException($"ES256 needs a P-256 key, not a {ecdsa.KeySize}-bit one");

        var handler = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false };
        var key = new ECDsaSecurityKey(ecdsa)
        {
            KeyId = KeyId,
            // The key is disposed below, so no signer may be cached for it.
            CryptoProviderFactory = new CryptoProviderFactory { CacheSignatureProviders = false },
        };
        return handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = TeamId,
            Audience = Audience,
            Subject = new ClaimsIdentity(new[] { new Claim("sub", ClientId) }),
            IssuedAt = now.UtcDateTime,
            Expires = now.AddSeconds(Duration).UtcDateTime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.EcdsaSha256),
        });
    }

    [GeneratedRegex(@"-----BEGIN PRIVATE KEY----[\s\S]+-----END PRIVATE KEY-----", RegexOptions.Multiline)]
    private static partial Regex PemPrivateKey();
}
