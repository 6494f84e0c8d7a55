using System.Globalization;
using Microsoft.Extensions.Logging;
using Satchel.Models;

namespace Satchel.Plugins.AuthOtp;

/// <summary>
/// The one-time passwords of the <c>_otps</c> system collection: which record a code was issued
/// to, its hash, and where it was sent. A code is valid for its auth collection's otp.duration
/// seconds after it was created.
/// </summary>
internal sealed class OtpStore(IApp app)
{
    public Record Create(Record authRecord, string code)
    {
        var collection = Collection() ?? throw new InvalidOperationException("the _otps collection is missing");
        var otp = new Record(collection);
        otp.Set("collectionRef", authRecord.Collection.Id);
        otp.Set("recordRef", authRecord.Id);
        // The record engine stores only the bcrypt hash of the code.
        otp.Set("password", code);
        app.SaveRecord(otp);
        return otp;
    }

    public Collection? Collection() => app.FindCollectionByNameOrId(SystemCollections.Otps);

    public Record? Find(string id) => app.FindRecordById(SystemCollections.Otps, id);

    public void Delete(Record otp) => app.DeleteRecord(otp);

    public static bool HasExpired(Record otp, long durationSeconds)
        => Created(otp) is not { } created || DateTime.UtcNow - created > TimeSpan.FromSeconds(durationSeconds);

    /// <summary>The codes issued to a record, newest first.</summary>
    public List<Record> FindAllFor(Record authRecord)
        => Ids("SELECT \"id\" FROM \"_otps\" WHERE \"collectionRef\" = @collection AND \"recordRef\" = @record ORDER BY \"created\" DESC, \"rowid\" DESC",
                ("@collection", authRecord.Collection.Id), ("@record", authRecord.Id))
            .Select(Find).OfType<Record>().ToList();

    /// <summary>Deletes every code of a record (it was deleted, or its tokenKey changed).</summary>
    public void DeleteAllFor(Record authRecord)
    {
        foreach (var otp in FindAllFor(authRecord)) Delete(otp);
    }

    /// <summary>Deletes every code issued for a collection's records (the collection was deleted).</summary>
    public void DeleteAllOf(Collection collection)
    {
        foreach (var id in Ids("SELECT \"id\" FROM \"_otps\" WHERE \"collectionRef\" = @collection", ("@collection", collection.Id)))
            if (Find(id) is { } otp) Delete(otp);
    }

    /// <summary>Deletes the codes older than their collection's otp.duration.</summary>
    public void DeleteExpired()
    {
        foreach (var collection in app.FindAllCollections(CollectionType.Auth))
        {
            var minValid = DateTime.UtcNow.AddSeconds(-(collection.Auth?.Otp.Duration ?? 0));
            var ids = Ids("SELECT \"id\" FROM \"_otps\" WHERE \"collectionRef\" = @collection AND \"created\" < @minValid",
                ("@collection", collection.Id),
                ("@minValid", minValid.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)));
            foreach (var id in ids)
                if (Find(id) is { } otp) Delete(otp);
        }
    }

    /// <summary>For the periodic cleanup: a failure is logged and retried at the next run.</summary>
    public void DeleteExpiredQuietly(ILogger log)
    {
        try { DeleteExpired(); }
        catch (Exception e) { log.LogWarning("Failed to delete expired OTPs: {Error}", e.Message); }
    }

    private static DateTime? Created(Record otp)
        => DateTime.TryParse(otp.GetString("created"), CultureInfo.InvariantCulture,
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
