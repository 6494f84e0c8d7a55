using System.Security.Cryptography;

namespace Satchel.Plugins.AuthPassword;

/// <summary>A password nobody knows (30 random letters and digits), set when a record must not keep the one it had.</summary>
internal static class RandomPassword
{
    public static string New() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 30);
}
