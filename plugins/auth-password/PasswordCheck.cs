using System.Collections.Concurrent;
using System.Security.Cryptography;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Plugins.AuthPassword;

/// <summary>
/// Compares a password with a record's bcrypt hash. For an unknown identity the password is
/// compared with the hash of some other record of the collection (stored hashes may use a higher
/// cost than the field's current setting), so both failures take about as long and reveal nothing.
/// </summary>
internal static class PasswordCheck
{
    private static readonly ConcurrentDictionary<int, string> DummyHashes = new();

    public static bool Verify(Record record, string password)
    {
        var hash = record.Get("password") is PasswordValue value ? value.Hash : "";
        return hash != "" && SafeVerify(password, hash);
    }

    /// <summary>Spends the time of a real comparison; the result is meaningless.</summary>
    public static void Dummy(IApp app, Collection collection, string password)
    {
        var hash = AnyStoredHash(app, collection);
        if (hash == "")
        {
            var cost = collection.Fields.ByName("password") is PasswordField field ? Math.Clamp(field.EffectiveCost, 4, 31) : PasswordField.DefaultCost;
            hash = DummyHashes.GetOrAdd(cost, c => BCrypt.Net.BCrypt.HashPassword(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)), c));
        }
        SafeVerify(password, hash);
    }

    private static string AnyStoredHash(IApp app, Collection collection) => app.Db.Read(conn =>
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"SELECT \"password\" FROM \"{collection.Name.Replace("\"", "\"\"")}\" WHERE \"password\" != '' LIMIT 1";
        return cmd.ExecuteScalar() as string ?? "";
    });

    private static bool SafeVerify(string password, string hash)
    {
        try { return BCrypt.Net.BCrypt.Verify(password, hash); }
        catch (BCrypt.Net.SaltParseException) { return false; }
        catch (ArgumentException) { return false; }
    }
}
