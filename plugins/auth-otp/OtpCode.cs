using System.Security.Cryptography;
using System.Text;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Plugins.AuthOtp;

/// <summary>
/// One-time passwords: random digits, stored only as the bcrypt hash of the <c>_otps</c>
/// password field. A submitted code is hashed with the stored salt and the two hashes are
/// compared in constant time, so how long a wrong guess takes says nothing about the code.
/// </summary>
public static class OtpCode
{
    public static string New(int length)
    {
        var digits = new char[Math.Max(length, 1)];
        for (var i = 0; i < digits.Length; i++) digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        return new string(digits);
    }

    /// <summary>Whether <paramref name="code"/> is the password of the <c>_otps</c> record.</summary>
    public static bool Matches(Record otp, string code)
    {
        var stored = otp.Get("password") is PasswordValue value ? value.Hash : "";
        if (stored == "" || code == "") return false;
        string submitted;
        try { submitted = BCrypt.Net.BCrypt.HashPassword(code, stored); }
        catch (Exception e) when (e is BCrypt.Net.SaltParseException or ArgumentException) { return false; }
        return SecretsEqual(Encoding.UTF8.GetBytes(submitted), Encoding.UTF8.GetBytes(stored));
    }

    /// <summary>Compares two secrets in time that depends only on their lengths, never on where they differ.</summary>
    public static bool SecretsEqual(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b) => CryptographicOperations.FixedTimeEquals(a, b);

    /// <summary>Spends the time of hashing a code at <paramref name="otps"/>' cost, for requests that store none.</summary>
    public static void HashForNothing(Collection? otps, string code)
    {
        var cost = otps?.Fields.ByName("password") is PasswordField field ? Math.Clamp(field.EffectiveCost, 4, 31) : PasswordField.DefaultCost;
        BCrypt.Net.BCrypt.HashPassword(code, cost);
    }
}
