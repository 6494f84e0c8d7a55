using Dapper;
using Satchel.Tests.Support;

namespace Satchel.Tests.Auth;

/// <summary>Reads and plants rows of the _mfas table of a test server's data.db.</summary>
public static class MfaSessionsDb
{
    public sealed record Row(string Id, string CollectionRef, string RecordRef, string Method, string Created);

    public static Row? Find(string dataDir, string id) => DataDb.Query(dataDir, c =>
        c.QueryFirstOrDefault<Row>("SELECT id, collectionRef, recordRef, method, created FROM _mfas WHERE id = @id", new { id }));

    public static List<Row> ForRecord(string dataDir, string recordId) => DataDb.Query(dataDir, c =>
        c.Query<Row>("SELECT id, collectionRef, recordRef, method, created FROM _mfas WHERE recordRef = @recordId", new { recordId }).ToList());

    /// <summary>Inserts a session created <paramref name="age"/> ago.</summary>
    public static void Plant(string dataDir, string id, string collectionId, string recordId, string method, TimeSpan age)
    {
        var created = DateTime.UtcNow.Subtract(age).ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        DataDb.Execute(dataDir,
            "INSERT INTO _mfas (id, collectionRef, recordRef, method, created, updated) VALUES (@id, @collectionId, @recordId, @method, @created, @created)",
            new { id, collectionId, recordId, method, created });
    }
}
