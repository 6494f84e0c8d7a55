using Dapper;
using Microsoft.Data.Sqlite;
using Satchel.Rules.Sql;

namespace Satchel.Tests.Rules;

/// <summary>An in-memory SQLite database for executing compiled filters.</summary>
internal sealed class SqliteTestDb : IDisposable
{
    public SqliteConnection Connection { get; }

    public SqliteTestDb(string schema)
    {
        Connection = new SqliteConnection("Data Source=:memory:");
        Connection.Open();
        Connection.Execute(schema);
    }

    public List<string> Ids(SearchSql sql)
        => Connection.Query<string>(sql.SelectSql(SqlName.Column(sql.Alias, "id")), sql.Parameters).ToList();

    public long Count(SearchSql sql) => Connection.ExecuteScalar<long>(sql.CountSql(), ToDapper(sql.Parameters));

    public static DynamicParameters ToDapper(IReadOnlyDictionary<string, object?> parameters)
    {
        var dp = new DynamicParameters();
        foreach (var (k, v) in parameters) dp.Add(k, v);
        return dp;
    }

    public void Dispose() => Connection.Dispose();
}
