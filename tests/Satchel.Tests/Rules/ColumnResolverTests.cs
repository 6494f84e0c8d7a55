using Satchel.Rules;
using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;

namespace Satchel.Tests.Rules;

public class ColumnResolverTests
{
    private const string Schema = """
        CREATE TABLE _collections (id TEXT PRIMARY KEY, name TEXT, type TEXT, system BOOLEAN, listRule TEXT, created TEXT, updated TEXT);
        INSERT INTO _collections VALUES ('c1', 'users', 'auth', 0, NULL, '2024-01-01 10:00:00.000Z', '2024-01-01 10:00:00.000Z');
        INSERT INTO _collections VALUES ('c2', 'demo2', 'base', 0, '', '2024-02-01 10:00:00.000Z', '2024-02-01 10:00:00.000Z');
        INSERT INTO _collections VALUES ('c3', '_superusers', 'auth', 1, NULL, '2023-01-01 10:00:00.000Z', '2023-01-01 10:00:00.000Z');
        INSERT INTO _collections VALUES ('c4', 'demo10', 'view', 0, NULL, '2024-03-01 10:00:00.000Z', '2024-03-01 10:00:00.000Z');
        """;

    private static List<string> Run(string? filter, string? sort = null)
    {
        using var db = new SqliteTestDb(Schema);
        var q = new SearchQuery("_collections", ColumnResolver.ForCollections("_collections"));
        if (filter != null) q.Where(filter);
        q.OrderBy(sort ?? "id");
        return db.Ids(q.Build());
    }

    [Fact]
    public void Filters_allowed_columns()
    {
        Assert.Equal(["c2", "c4"], Run("name ~ 'demo'"));
        Assert.Equal(["c3"], Run("system = true"));
        Assert.Equal(["c1", "c3"], Run("type = 'auth'"));
        Assert.Equal(["c2", "c4"], Run("created >= '2024-02-01' && type != 'auth'"));
    }

    [Fact]
    public void Sorts_by_allowed_columns()
        => Assert.Equal(["c3", "c1", "c2", "c4"], Run(null, "created"));

    [Theory]
    [InlineData("invalidfield~'demo2'")]
    [InlineData("listRule = null")]
    [InlineData("name.sub = 1")]
    public void Unknown_fields_throw(string filter)
        => Assert.Throws<FilterException>(() => Run(filter));

    [Fact]
    public void Unknown_sort_fields_throw()
        => Assert.Throws<FilterException>(() => Run(null, "-password"));

    [Fact]
    public void Keywords_fall_back_to_literals()
        => Assert.Equal(["c1", "c2", "c3", "c4"], Run("name != null && null = ''"));

    [Fact]
    public void Emits_parameters_not_values()
    {
        var q = new SearchQuery("_collections", ColumnResolver.ForCollections());
        var sql = q.Where("name = \"x' OR 1=1 --\"").Build();
        Assert.DoesNotContain("OR 1=1", sql.Where);
        Assert.Equal("x' OR 1=1 --", Assert.Single(sql.Parameters).Value);
        Assert.Equal("`name` = @p0", sql.Where);
    }
}
