using Dapper;
using Satchel.Core;
using Satchel.Data;
using Satchel.Errors;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Records;

/// <summary>
/// PocketBase's rules for the _superusers records: a superuser is always verified, the last one
/// cannot be deleted, and the installer placeholder account goes once a real superuser exists.
/// </summary>
internal static class SuperuserRecords
{
    public const string InstallerEmail = "__pbinstaller@example.com";

    /// <summary>Before the INSERT/UPDATE.</summary>
    public static void BeforeWrite(Record record)
    {
        if (record.Collection.IsSuperusers) record.Set(SystemFields.VerifiedName, true);
    }

    /// <summary>After a new superuser was inserted: the installer account has served its purpose.</summary>
    public static void AfterCreate(SatchelApp app, RecordSaver saver, Record record)
    {
        if (!record.Collection.IsSuperusers || string.Equals(record.GetString(SystemFields.EmailName), InstallerEmail, StringComparison.OrdinalIgnoreCase)) return;
        if (app.FindAuthRecordByEmail(record.Collection.Id, InstallerEmail) is { } installer) saver.Delete(installer);
    }

    /// <summary>Before a superuser is deleted.</summary>
    public static void BeforeDelete(SatchelApp app, Record record)
    {
        if (!record.Collection.IsSuperusers) return;
        var total = app.Db.Read(conn => conn.ExecuteScalar<long>($"SELECT count(*) FROM {Sql.Quote(record.Collection.Name)}"));
        if (total <= 1) throw ApiException.BadRequest("You can't delete the only existing superuser.");
    }
}
