using Satchel.Core;
using Satchel.Hooks;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Auth;

/// <summary>
/// The devices an auth record has signed in from (<c>_authOrigins</c>): one row per record and
/// fingerprint, its "updated" time bumped on every sign-in. A record keeps at most
/// <see cref="MaxPerRecord"/> of them; they go with the record and are forgotten when its
/// password changes.
/// </summary>
public sealed class AuthOrigins(SatchelApp app)
{
    public const int MaxPerRecord = 5;

    private readonly AuthRecordRows _rows = new(app, SystemCollections.AuthOrigins);

    /// <summary>The record's origins, newest first.</summary>
    public IReadOnlyList<Record> FindAllFor(Record authRecord) => _rows.FindAllFor(authRecord);

    public Record New(Record authRecord, string fingerprint)
    {
        var origin = _rows.New(authRecord);
        origin.Set("fingerprint", fingerprint);
        return origin;
    }

    public void DeleteAllFor(Record authRecord) => _rows.DeleteAllFor(authRecord);

    /// <summary>Deletes the origins of every record of an auth collection.</summary>
    public void DeleteAllOf(Collection authCollection) => _rows.DeleteAllOf(authCollection);

    /// <summary>Drops a record's origins when the record (or its collection) is deleted or its password changes.</summary>
    public void BindCleanup(AppHooks hooks, Func<ILogger> log)
    {
        hooks.OnRecordDeleteExecute.Bind(e =>
        {
            e.Next();
            if (e.Record.Collection.IsAuth) DeleteAllFor(e.Record);
        });
        hooks.OnRecordUpdate.Bind(e =>
        {
            var before = PasswordHash(e.Record.Original("password"));
            e.Next();
            if (!e.Record.Collection.IsAuth || PasswordHash(e.Record.Get("password")) == before) return;
            // The new password is saved already; a leftover origin only means one alert less.
            try { DeleteAllFor(e.Record); }
            catch (Exception ex) { log().LogWarning("Failed to forget the sign-in devices of {Collection} record {RecordId}: {Error}", e.Record.Collection.Name, e.Record.Id, ex.Message); }
        });
        hooks.OnCollectionAfterDeleteSuccess.Bind(e =>
        {
            if (e.Collection.IsAuth)
            {
                try { DeleteAllOf(e.Collection); }
                catch (Exception ex) { log().LogWarning("Failed to forget the sign-in devices of the deleted collection {Collection}: {Error}", e.Collection.Name, ex.Message); }
            }
            e.Next();
        });
    }

    private static string PasswordHash(object? value) => value is PasswordValue p ? p.Hash : "";
}
