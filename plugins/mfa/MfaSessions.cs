using System.Globalization;
using Microsoft.Extensions.Logging;
using Satchel.Models;

namespace Satchel.Plugins.Mfa;

/// <summary>
/// The MFA sessions of the <c>_mfas</c> system collection: which record passed which first
/// method, and when. A session is valid for the auth collection's mfa.duration seconds.
/// </summary>
internal sealed class MfaSessions(IApp app)
{
    public Record Create(Record authRecord, string method)
    {
        var collection = app.FindCollectionByNameOrId(SystemCollections.Mfas)
            ?? throw new InvalidOperationException("the _mfas collection is missing");
        var session = new Record(collection);
        session.Set("collectionRef", authRecord.Collection.Id);
        session.Set("recordRef", authRecord.Id);
        session.Set("method", method);
        app.SaveRecord(session);
        return session;
    }

    public Record? Find(string id) => app.FindRecordById(SystemCollections.Mfas, id);

    public void Delete(Record session) => app.DeleteRecord(session);

    public static bool HasExpired(Record session, long durationSeconds)
        => Created(session) is not { } created || DateTime.UtcNow - created > TimeSpan.FromSeconds(durationSeconds);

    /// <summary>Deletes every session of an auth record (it was deleted, or its password changed).</summary>
    public void DeleteAllFor(Record authRecord)
    {
        var ids = Ids("SELECT \"id\" FROM \"_mfas\" WHERE \"collectionRef\" = @collection AND \"recordRef\" = @record",
            ("@collection", authRecord.Collection.Id), ("@record", authRecord.Id));
        foreach (var id in ids)
            if (Find(id) is { } session) Delete(session);
    }

    /// <summary>Deletes the sessions older than their collection's mfa.duration.</summary>
    public void DeleteExpired()
    {
        foreach (var collection in app.FindAllCollections(CollectionType.Auth))
        {
            var minValid = DateTime.UtcNow.AddSeconds(-(collection.Auth?.Mfa.Duration ?? 0));
            var ids = Ids("SELECT \"id\" FROM \"_mfas\" WHERE \"collectionRef\" = @collection AND \"created\" < @minValid",
                ("@collection", collection.Id),
                ("@minValid", minValid.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
            foreach (var id in ids)
                if (Find(id) is { } session) Delete(session);
        }
    }

    /// <summary>For the periodic cleanup: a failure is logged and retried at the next run rather than crashing the process.</summary>
    public void DeleteExpiredQuietly(ILogger log)
    {
        try { DeleteExpired(); }
        catch (Exception e) { log.LogWarning(e, "Failed to delete expired MFA sessions"); }
    }

    private static DateTime? Created(Record session)
        => DateTime.TryParse(session.GetString("created"), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var created) ? created : null;

    private List<string> Ids(string sql, params (string Name, object Value)[] parameters) => app.Db.Read(conn =>
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value;
            cmd.Parameters.Add(p);
        }
        var list = new List<string>();
        using var reader = cmd.ExecuteReader();
        while (reader.Read()) list.Add(reader.GetString(0));
        return list;
    });
}
