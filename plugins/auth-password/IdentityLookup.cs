using System.Text.RegularExpressions;
using Satchel.Models;

namespace Satchel.Plugins.AuthPassword;

/// <summary>
/// Finds the auth record a sign-in identity belongs to. A field is compared case-insensitively
/// exactly when its unique index is COLLATE NOCASE (as PocketBase does), so the lookup matches
/// what the index lets the table hold.
/// </summary>
internal static partial class IdentityLookup
{
    [GeneratedRegex(@"^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$")]
    private static partial Regex EmailFormat();

    /// <summary>The record whose <paramref name="field"/> equals the identity; null when none does.</summary>
    public static Record? ByField(IApp app, Collection collection, string field, string identity)
    {
        if (!(collection.Auth?.PasswordAuth.IdentityFields ?? new()).Contains(field)) return null;
        var column = collection.Fields.ByName(field);
        if (column == null) return null;
        var (found, noCase) = UniqueIndex.Find(collection.Indexes, column.Name);
        if (!found) return null;

        var id = app.Db.Read(conn =>
        {
            using var cmd = conn.CreateCommand();
            cmd.CommandText = $"SELECT {Quote("id")} FROM {Quote(collection.Name)} WHERE {Quote(column.Name)} = @identity{(noCase ? " COLLATE NOCASE" : "")} LIMIT 1";
            var p = cmd.CreateParameter();
            p.ParameterName = "@identity";
            p.Value = identity;
            cmd.Parameters.Add(p);
            return cmd.ExecuteScalar() as string;
        });
        return id == null ? null : app.FindRecordById(collection.Id, id);
    }

    /// <summary>
    /// Tries the collection's identity fields in turn, email first; the email field is skipped when
    /// the identity isn't an email address.
    /// </summary>
    public static Record? ByAnyField(IApp app, Collection collection, string identity)
    {
        var fields = collection.Auth?.PasswordAuth.IdentityFields ?? new();
        foreach (var name in fields.OrderBy(f => f == "email" ? 0 : 1))
        {
            if (name == "email" && !EmailFormat().IsMatch(identity)) continue;
            var record = ByField(app, collection, name, identity);
            if (record != null) return record;
        }
        return null;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}
