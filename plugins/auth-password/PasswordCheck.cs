using System.Collections.Concurrent;
using System.Security.Cryptography;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Plugins.AuthPassword;

/// <summary>
/// Compares a password with a record's bcrypt hash. An unknown identity is compared against a
/// dummy hash of the same cost, so both failures take about as long and reveal nothing.
/// </summary>
internal static class PasswordCheck
{
    private static readonly ConcurrentDictionary<int, string> DummyHashes = new();

    public static bool Verify(Record record, string password)
    {
        var hash = record.Get("password") is PasswordValue value ? value.Hash : "";
        return hash != "" && SafeVerify(password, hash);
    }

    /// <summary>Spends the time of a real comparison (the result is meaningless).</summary>
    public static void Dummy(Collection collection, string password)
    {
        var cost = Cost(collection);
        var hash = DummyHashes.GetOrAdd(cost, c => BCrypt.Net.BCrypt.HashPassword(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), c));
        SafeVerify(password, hash);
    }

    private static bool SafeVerify(string password, string hash)
    {
        try { return BCrypt.Net.BCrypt.Verify(password, hash); }
        catch (BCrypt.Net.SaltParseException) { return false; }
        catch (ArgumentException) { return false; }
    }

    private static int Cost(Collection collection)
        => collection.Fields.ByName("password") is PasswordField { EffectiveCost: >= 4 and <= 31 } field ? field.EffectiveCost : PasswordField.DefaultCost;
}
