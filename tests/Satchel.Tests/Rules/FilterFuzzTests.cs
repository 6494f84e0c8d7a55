using Dapper;
using Microsoft.Data.Sqlite;
using Satchel.Rules;
using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;
using Satchel.Rules.Syntax;

namespace Satchel.Tests.Rules;

/// <summary>
/// Feeds random filters to the parser and compiler: every input must either be rejected with a
/// <see cref="FilterException"/> or produce SQL that SQLite executes without error.
/// </summary>
public class FilterFuzzTests
{
    internal static (int Parsed, int Executed) Fuzz(int seed, int count, string[] identifiers, SqliteConnection db, Func<SearchQuery> newQuery)
    {
        var fuzz = new FilterFuzz(seed, identifiers);
        int parsed = 0, executed = 0;
        for (var i = 0; i < count; i++)
        {
            var filter = fuzz.Next();
            FilterNode node;
            try { node = FilterParser.Parse(filter); }
            catch (FilterException) { continue; }
            catch (Exception e) { throw new Xunit.Sdk.XunitException($"parser threw {e.GetType().Name} for: {filter}\n{e}"); }
            parsed++;

            SearchSql sql;
            try { sql = newQuery().Where(node).Build(); }
            catch (FilterException) { continue; }
            catch (Exception e) { throw new Xunit.Sdk.XunitException($"compiler threw {e.GetType().Name} for: {filter}\n{e}"); }

            try { db.Query(sql.SelectSql(limit: 5), SqliteTestDb.ToDapper(sql.Parameters)).AsList(); }
            catch (SqliteException e) { throw new Xunit.Sdk.XunitException($"SQLite rejected the SQL of: {filter}\n{sql.SelectSql()}\n{e.Message}"); }
            executed++;
        }
        return (parsed, executed);
    }

    [Fact]
    public void Random_filters_over_plain_columns_parse_or_fail_cleanly_and_execute()
    {
        using var db = new SqliteTestDb("""
            CREATE TABLE items (id TEXT PRIMARY KEY, title TEXT, num NUMERIC, created TEXT);
            INSERT INTO items VALUES ('a', 'x', 1, '2024-01-01 00:00:00.000Z'), ('b', NULL, NULL, '');
            """);
        var resolver = new ColumnResolver(["id", "title", "num", "created"], "items");
        var (parsed, executed) = Fuzz(20240510, 12_000, ["id", "title", "num", "created", "unknown", "title.x"], db.Connection,
            () => new SearchQuery("items", resolver));

        Assert.True(parsed > 4000, $"only {parsed} filters parsed");
        Assert.True(executed > 3000, $"only {executed} filters executed");
    }
}
