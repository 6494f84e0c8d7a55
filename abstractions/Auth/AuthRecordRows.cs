using System.Globalization;
using Microsoft.Extensions.Logging;
using Satchel.Models;

namespace Satchel.Auth;

/// <summary>
/// The rows of a system collection that belong to one auth record through its
/// <c>collectionRef</c> and <c>recordRef</c> fields (<c>_otps</c>, <c>_mfas</c>, <c>_authOrigins</c>).
/// Rows are deleted through <see cref="IApp.DeleteRecord"/> one at a time, so record hooks see
/// every deletion as they do in PocketBase.
/// </summary>
public sealed class AuthRecordRows(IApp app, string systemCollection)
{
    private const string CreatedFormat = "yyyy-MM-dd HH:mm:ss.fff'Z'";

    /// <summary>A new, unsaved row pointing at <paramref name="authRecord"/>.</summary>
    public Record New(Record authRecord)
    {
        var collection = app.FindCollectionByNameOrId(systemCollection)
            ?? throw new InvalidOperationException($"the {systemCollection} collection is missing");
        var row = new Record(collection);
        row.Set("collectionRef", authRecord.Collection.Id);
        row.Set("recordRef", authRecord.Id);
        return row;
    }

    public Record? Find(string id) => app.FindRecordById(systemCollection, id);

    /// <summary>The rows of an auth record, newest first.</summary>
    public IReadOnlyList<Record> FindAllFor(Record authRecord)
        => app.FindRecordsByFilter(systemCollection, "collectionRef = {:collection} && recordRef = {:record}", "-created,-@rowid",
            parameters: new Dictionary<string, object?> { ["collection"] = authRecord.Collection.Id, ["record"] = authRecord.Id });

    /// <summary>Deletes every row of an auth record (it was deleted, or lost the secret the rows depend on).</summary>
    public void DeleteAllFor(Record authRecord)
    {
        foreach (var row in FindAllFor(authRecord)) app.DeleteRecord(row);
    }

    /// <summary>Deletes the rows of every record of an auth collection (the collection was deleted).</summary>
    public void DeleteAllOf(Collection authCollection)
    {
        var rows = app.FindRecordsByFilter(systemCollection, "collectionRef = {:collection}",
            parameters: new Dictionary<string, object?> { ["collection"] = authCollection.Id });
        foreach (var row in rows) app.DeleteRecord(row);
    }

    /// <summary>Whether a row is older than <paramref name="lifetimeSeconds"/> (a row without a readable creation time is).</summary>
    public static bool HasExpired(Record row, long lifetimeSeconds)
        => !DateTime.TryParse(row.GetString("created"), CultureInfo.InvariantCulture,
               DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var created)
           || DateTime.UtcNow - created > TimeSpan.FromSeconds(lifetimeSeconds);

    /// <summary>Deletes the rows older than the lifetime their auth collection gives them.</summary>
    public void DeleteExpired(Func<AuthOptions, long> lifetimeSeconds)
    {
        foreach (var collection in app.FindAllCollections(CollectionType.Auth))
        {
            var minValid = DateTime.UtcNow.AddSeconds(-(collection.Auth is { } auth ? lifetimeSeconds(auth) : 0));
            var rows = app.FindRecordsByFilter(systemCollection, "collectionRef = {:collection} && created < {:minValid}",
                parameters: new Dictionary<string, object?>
                {
                    ["collection"] = collection.Id,
                    ["minValid"] = minValid.ToString(CreatedFormat, CultureInfo.InvariantCulture),
                });
            foreach (var row in rows) app.DeleteRecord(row);
        }
    }

    /// <summary>
    /// Deletes expired rows when the server starts serving and then every <paramref name="interval"/>
    /// until it terminates. A failed run is logged and retried at the next one.
    /// </summary>
    public void ScheduleExpiryCleanup(Func<AuthOptions, long> lifetimeSeconds, TimeSpan interval, ILogger log)
    {
        void Run()
        {
            try { DeleteExpired(lifetimeSeconds); }
            catch (Exception e) { log.LogWarning("Failed to delete the expired rows of {Collection}: {Error}", systemCollection, e.Message); }
        }

        Timer? timer = null;
        app.Hooks.OnServe.Bind(e =>
        {
            Run();
            timer ??= new Timer(_ => Run(), null, interval, interval);
            e.Next();
        });
        app.Hooks.OnTerminate.Bind(e =>
        {
            timer?.Dispose();
            e.Next();
        });
    }

    /// <summary>
    /// Deletes an auth record's rows in the transaction that deletes the record, and the rows of a
    /// deleted auth collection after it is gone.
    /// </summary>
    public void FollowAuthRecordDeletes(ILogger log)
    {
        app.Hooks.OnRecordDeleteExecute.Bind(e =>
        {
            e.Next();
            if (e.Record.Collection.IsAuth) DeleteAllFor(e.Record);
        });
        app.Hooks.OnCollectionAfterDeleteSuccess.Bind(e =>
        {
            if (e.Collection.IsAuth)
            {
                try { DeleteAllOf(e.Collection); }
                catch (Exception ex) { log.LogWarning("Failed to delete the {Rows} rows of the deleted collection {Collection}: {Error}", systemCollection, e.Collection.Name, ex.Message); }
            }
            e.Next();
        });
    }
}
