using System.Text;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Satchel.Auth;
using Satchel.Models;

namespace Satchel.Auth;

/// <summary>
/// PocketBase-compatible HS256 tokens. The signing key is the record's tokenKey followed by the
/// collection's secret for the token type, so changing either one voids every older token.
/// </summary>
public sealed class AuthTokens(IApp app) : IAuthTokens
{
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    public string NewAuthToken(Record record, TimeSpan? duration = null, bool refreshable = true)
        => Create(record, TokenTypes.Auth, new Dictionary<string, object> { ["refreshable"] = refreshable }, duration);

    public string NewToken(Record record, string type, IDictionary<string, object>? extraClaims = null, TimeSpan? duration = null)
        => Create(record, type, extraClaims, duration);

    private string Create(Record record, string type, IDictionary<string, object>? extra, TimeSpan? duration)
    {
        var options = TokenOptionsFor(record.Collection, type)
            ?? throw new InvalidOperationException($"collection {record.Collection.Name} cannot issue {type} tokens");
        // A zero or negative duration falls back to the collection's setting, as in PocketBase.
        var lifetime = duration is { } d && d > TimeSpan.Zero ? d : TimeSpan.FromSeconds(options.Duration);
        var claims = new Dictionary<string, object>
        {
            ["id"] = record.Id,
            ["type"] = type,
            ["collectionId"] = record.Collection.Id,
            ["exp"] = DateTimeOffset.UtcNow.Add(lifetime).ToUnixTimeSeconds(),
        };
        if (extra != null) foreach (var (k, v) in extra) claims[k] = v;
        return Handler.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            SigningCredentials = new SigningCredentials(Key(record, options), SecurityAlgorithms.HmacSha256),
        });
    }

    public Record? FindRecordByToken(string token, params string[] types)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 8192) return null;
        JsonWebToken jwt;
        try { jwt = new JsonWebToken(token); }
        catch { return null; }

        if (!jwt.TryGetPayloadValue<string>("id", out var id) || string.IsNullOrEmpty(id)) return null;
        if (!jwt.TryGetPayloadValue<string>("type", out var type) || (types.Length > 0 && !types.Contains(type))) return null;
        if (!jwt.TryGetPayloadValue<string>("collectionId", out var collectionId) || string.IsNullOrEmpty(collectionId)) return null;

        var collection = app.FindCollectionByNameOrId(collectionId);
        if (collection is not { IsAuth: true }) return null;
        var options = TokenOptionsFor(collection, type);
        if (options == null) return null;
        var record = app.FindRecordById(collection.Id, id);
        if (record == null) return null;

        var result = Handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidateIssuer = false,
            ValidateAudience = false,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.Zero,
            IssuerSigningKey = Key(record, options),
            ValidAlgorithms = new[] { SecurityAlgorithms.HmacSha256 },
        }).GetAwaiter().GetResult();
        return result.IsValid ? record : null;
    }

    public IReadOnlyDictionary<string, object?>? ReadClaims(string token)
    {
        try
        {
            var jwt = new JsonWebToken(token);
            var payload = Base64UrlEncoder.Decode(jwt.EncodedPayload);
            using var doc = JsonDocument.Parse(payload);
            return doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)(p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Number => p.Value.GetDouble(),
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => p.Value.GetRawText(),
            }));
        }
        catch
        {
            return null;
        }
    }

    private static SymmetricSecurityKey Key(Record record, TokenOptions options)
        => new(Encoding.UTF8.GetBytes(record.GetString("tokenKey") + options.Secret));

    private static TokenOptions? TokenOptionsFor(Collection c, string type) => c.Auth == null ? null : type switch
    {
        TokenTypes.Auth => c.Auth.AuthToken,
        TokenTypes.File => c.Auth.FileToken,
        TokenTypes.Verification => c.Auth.VerificationToken,
        TokenTypes.PasswordReset => c.Auth.PasswordResetToken,
        TokenTypes.EmailChange => c.Auth.EmailChangeToken,
        _ => null,
    };
}
