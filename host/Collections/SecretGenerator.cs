using System.Security.Cryptography;

namespace Satchel.Collections;

/// <summary>Random alphanumeric strings from a cryptographic source (token secrets, temp names).</summary>
public static class SecretGenerator
{
    public const string Alphanumeric = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    public const string LowerAlphanumeric = "abcdefghijklmnopqrstuvwxyz0123456789";

    public static string Random(int length, string alphabet = Alphanumeric) => RandomNumberGenerator.GetString(alphabet, length);
}
