using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Satchel.Tests.Auth;

/// <summary>Reads the parts of a JWT and checks an HS256 signature, independently of the host's token code.</summary>
public static class Jwt
{
    public static JsonObject Header(string token) => Decode(token.Split('.')[0]);

    public static JsonObject Claims(string token) => Decode(token.Split('.')[1]);

    public static bool HasValidSignature(string token, string key)
    {
        var parts = token.Split('.');
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(key));
        var expected = hmac.ComputeHash(Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]));
        return CryptographicOperations.FixedTimeEquals(expected, FromBase64Url(parts[2]));
    }

    /// <summary>Seconds from now until the token's exp claim.</summary>
    public static double SecondsLeft(string token)
        => Claims(token)["exp"]!.GetValue<long>() - DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    private static JsonObject Decode(string part) => (JsonObject)JsonNode.Parse(FromBase64Url(part))!;

    private static byte[] FromBase64Url(string s)
    {
        var b = s.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(b.PadRight(b.Length + (4 - b.Length % 4) % 4, '='));
    }
}
