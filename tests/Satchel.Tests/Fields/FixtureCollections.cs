using Microsoft.Data.Sqlite;

namespace Satchel.Tests.Fields;

/// <summary>The "fields" JSON of every collection in the PocketBase fixture database (read from a copy).</summary>
internal static class FixtureCollections
{
    private static string FixtureDb => Path.Combine(Satchel.Tests.Support.RepoPaths.FixtureDataDir, "data.db");

    private static readonly Lazy<IReadOnlyList<(string Name, string Fields)>> Rows = new(Load);

    public static IReadOnlyList<(string Name, string Fields)> All => Rows.Value;

    private static IReadOnlyList<(string Name, string Fields)> Load()
    {
        var copy = Path.Combine(Path.GetTempPath(), $"satchel-fields-{Guid.NewGuid():N}.db");
        File.Copy(FixtureDb, copy);
        try
        {
            var rows = new List<(string, string)>();
            using (var connection = new SqliteConnection($"Data Source={copy};Mode=ReadOnly;Pooling=False"))
            {
                connection.Open();
                using var command = connection.CreateCommand();
                command.CommandText = "SELECT name, fields FROM _collections ORDER BY name";
                using var reader = command.ExecuteReader();
                while (reader.Read()) rows.Add((reader.GetString(0), reader.GetString(1)));
            }
            return rows;
        }
        finally
        {
            // The fixture is in WAL mode, so reading it leaves -wal/-shm files beside the copy.
            foreach (var suffix in new[] { "", "-wal", "-shm" }) File.Delete(copy + suffix);
        }
    }
}
