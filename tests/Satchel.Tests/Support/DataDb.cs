using Dapper;
using Microsoft.Data.Sqlite;

namespace Satchel.Tests.Support;

/// <summary>Reads a pb_data's data.db directly (also while a server has it open: WAL allows readers).</summary>
public static class DataDb
{
    public static T Query<T>(string dataDir, Func<SqliteConnection, T> query)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDir, "data.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        c.Open();
        return query(c);
    }

    /// <summary>Runs a statement on a data.db that no server has open yet (e.g. to prepare a fixture copy).</summary>
    public static int Execute(string dataDir, string sql, object? param = null)
    {
        using var c = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDir, "data.db"),
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
        }.ToString());
        c.Open();
        return c.Execute(sql, param);
    }

    public static bool HasTable(string dataDir, string table)
        => Query(dataDir, c => c.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=@table", new { table })) > 0;

    public static List<string> AppliedMigrations(string dataDir)
        => Query(dataDir, c => c.Query<string>("SELECT file FROM _migrations ORDER BY file").ToList());
}
