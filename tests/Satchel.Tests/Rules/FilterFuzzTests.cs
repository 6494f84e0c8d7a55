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

public sealed class RecordFilterFuzzTests : IDisposable
{
    private readonly RulesFixture _f = new();

    public void Dispose() => _f.Dispose();

    private static readonly string[] Identifiers =
    [
        "id", "title", "status", "categories", "author", "tags", "attachments", "views", "data", "location", "parent", "created",
        "title:lower", "categories:each", "categories:length", "tags:length", "tags:each", "attachments:each", "status:each",
        "author.name", "author.id", "author.email", "author.organization.name", "author.role:lower", "tags.name", "tags.id",
        "tags.name:lower", "parent.parent.title", "parent.tags.name", "data.a.b", "data.list.0", "location.lat", "location.lon",
        "comments_via_post.text", "comments_via_post.author.name", "likes_via_posts.user", "likes_via_posts.user.organization.country",
        "@collection.comments.post", "@collection.comments:x.text", "@collection.tags.name",
        "@request.auth.id", "@request.auth.email", "@request.auth.name", "@request.auth.organization.name", "@request.auth.missing",
        "@request.body.title", "@request.body.tags:each", "@request.body.tags:length", "@request.body.title:isset",
        "@request.body.title:lower", "@request.body.title:changed", "@request.body.author.name", "@request.body.meta.x",
        "@request.query.page", "@request.headers.x_token", "@request.method", "@request.context",
        "unknown", "title.nope", "tags.secret", "secrets_via_post.code", "nope_via_x.y", "@collection.secrets.code", "title:bad",
    ];

    [Theory]
    [InlineData(1, true, true)]
    [InlineData(2, false, true)]
    [InlineData(3, true, false)]
    [InlineData(4, false, false)]
    public void Random_record_filters_parse_or_fail_cleanly_and_execute(int seed, bool allowHidden, bool signedIn)
    {
        var request = new RequestInfo
        {
            Auth = signedIn ? _f.User("u1") : null,
            Body = new Dictionary<string, object?> { ["title"] = "Hello", ["tags"] = new List<string> { "t1", "t2" }, ["author"] = "u2" },
            Query = new Dictionary<string, string> { ["page"] = "1" },
        };
        var (parsed, executed) = FilterFuzzTests.Fuzz(seed, 4_000, Identifiers, _f.Db.Connection,
            () => new SearchQuery("posts", _f.Resolver(_f.Posts, request, allowHidden)));

        Assert.True(parsed > 1000, $"only {parsed} filters parsed");
        Assert.True(executed > 700, $"only {executed} filters executed");
    }
}
