using Satchel.Rules;
using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;

namespace Satchel.Tests.Rules;

/// <summary>SQL shape and execution of comparisons over plain columns.</summary>
public class FilterSqlTests
{
    private const string Schema = """
        CREATE TABLE items (id TEXT PRIMARY KEY, title TEXT, note TEXT NULL, num NUMERIC, lon NUMERIC, lat NUMERIC, created TEXT);
        INSERT INTO items VALUES ('i1', 'a_b', NULL, 1, 23.3219, 42.6977, '2024-05-10 10:00:00.000Z');
        INSERT INTO items VALUES ('i2', 'axb', '', 5, 23.3, 42.7, '2024-05-11 00:00:00.000Z');
        INSERT INTO items VALUES ('i3', '50% off', 'x', 10, 24.7453, 42.1354, '2023-12-31 23:59:59.999Z');
        INSERT INTO items VALUES ('i4', 'back\slash', 'y', 2.5, -0.1276, 51.5072, '2024-05-09 08:00:00.000Z');
        INSERT INTO items VALUES ('i5', '5000', 'Hello', 7, 0, 0, '2024-05-10 23:00:00.000Z');
        """;

    private static readonly ColumnResolver Columns = new(["id", "title", "note", "num", "lon", "lat", "created"], "items");
    private static readonly DateTimeOffset Now = new(2024, 5, 10, 12, 30, 15, TimeSpan.Zero);

    private static List<string> Run(string filter, IReadOnlyDictionary<string, object?>? placeholders = null)
    {
        using var db = new SqliteTestDb(Schema);
        var q = new SearchQuery("items", Columns) { Now = Now, Placeholders = placeholders };
        return db.Ids(q.Where(filter).OrderBy("id").Build());
    }

    private static SearchSql Sql(string filter) => new SearchQuery("items", Columns) { Now = Now }.Where(filter).Build();

    [Theory]
    [InlineData("note = ''", new[] { "i1", "i2" })]
    [InlineData("note = null", new[] { "i1", "i2" })]
    [InlineData("null = note", new[] { "i1", "i2" })]
    [InlineData("note != ''", new[] { "i3", "i4", "i5" })]
    [InlineData("note != null", new[] { "i3", "i4", "i5" })]
    [InlineData("note != 'x'", new[] { "i1", "i2", "i4", "i5" })]
    [InlineData("note = 'x'", new[] { "i3" })]
    [InlineData("note = title", new string[0])]
    [InlineData("note != title", new[] { "i1", "i2", "i3", "i4", "i5" })]
    public void Null_and_empty_are_the_same_value(string filter, string[] expected) => Assert.Equal(expected, Run(filter));

    [Fact]
    public void Equality_sql_avoids_coalesce_when_a_side_is_known()
    {
        Assert.Equal("`items`.`title` = @p0", Sql("title = 'x'").Where);
        Assert.Equal("`items`.`title` IS NOT @p0", Sql("title != 'x'").Where);
        Assert.Equal("(`items`.`note` = '' OR `items`.`note` IS NULL)", Sql("note = ''").Where);
        Assert.Equal("(`items`.`note` IS NOT '' AND `items`.`note` IS NOT NULL)", Sql("note != null").Where);
        Assert.Equal("COALESCE(`items`.`note`, '') = COALESCE(`items`.`title`, '')", Sql("note = title").Where);
        Assert.Equal("'' = ''", Sql("null = ''").Where);
        Assert.Equal("`items`.`num` = 1", Sql("num = true").Where);
    }

    [Theory]
    [InlineData("title ~ 'a_b'", new[] { "i1" })]              // "_" is literal in a contains search
    [InlineData("title ~ 'A_B'", new[] { "i1" })]              // LIKE is case-insensitive
    [InlineData("title ~ 'x'", new[] { "i2" })]
    [InlineData("title ~ '%off'", new[] { "i3" })]             // an explicit % makes it a pattern
    [InlineData("title ~ '50%'", new[] { "i3", "i5" })]
    [InlineData("title ~ '50\\%'", new[] { "i3" })]            // an escaped % is literal
    [InlineData("title ~ 'k\\s'", new[] { "i4" })]             // a lone backslash is literal
    [InlineData("title !~ 'a'", new[] { "i3", "i5" })]
    [InlineData("title ~ note", new[] { "i2" })]               // column on the right: contains; '' is in every title, NULL in none
    public void Like_is_an_escaped_contains_search(string filter, string[] expected) => Assert.Equal(expected, Run(filter));

    [Fact]
    public void Like_wraps_and_escapes_the_parameter()
    {
        var sql = Sql("title ~ '10%_off'");
        Assert.Equal("`items`.`title` LIKE @p0 ESCAPE '\\'", sql.Where);
        Assert.Equal("10%_off", sql.Parameters["p0"]);
        Assert.Equal("%a\\_b\\%c%", Sql("title ~ 'a_b\\%c'").Parameters["p0"]);
        Assert.Equal("%a\\\\b%", Sql("title ~ 'a\\b'").Parameters["p0"]);
        Assert.Equal("`items`.`title` NOT LIKE ('%' || `items`.`note` || '%') ESCAPE '\\'", Sql("title !~ note").Where);
    }

    [Theory]
    [InlineData("num > 5", new[] { "i3", "i5" })]
    [InlineData("num >= 5", new[] { "i2", "i3", "i5" })]
    [InlineData("num < 2.5", new[] { "i1" })]
    [InlineData("num <= 2.5", new[] { "i1", "i4" })]
    [InlineData("num = 10", new[] { "i3" })]
    [InlineData("num > -1 && num < 2", new[] { "i1" })]
    [InlineData("title > '4'", new[] { "i3", "i5", "i1", "i2", "i4" })]  // text compared as text
    public void Numbers_compare_numerically(string filter, string[] expected)
        => Assert.Equal(expected.OrderBy(x => x), Run(filter));

    [Fact]
    public void Number_literals_are_bound_as_reals()
        => Assert.Equal(10.0, Sql("num = 10").Parameters["p0"]);

    [Theory]
    [InlineData("num = 1 || num = 5 && title = 'nope'", new[] { "i1" })]
    [InlineData("(num = 1 || num = 5) && title ~ 'x'", new[] { "i2" })]
    [InlineData("num = 1 || num = 5 || num = 10", new[] { "i1", "i2", "i3" })]
    public void Logical_operators_follow_precedence(string filter, string[] expected) => Assert.Equal(expected, Run(filter));

    [Theory]
    [InlineData("created >= @todayStart && created <= @todayEnd", new[] { "i1", "i5" })]
    [InlineData("created < @now", new[] { "i1", "i3", "i4" })]
    [InlineData("created > @yesterday && created < @tomorrow", new[] { "i1", "i2", "i5" })]
    [InlineData("created >= @monthStart && created <= @monthEnd", new[] { "i1", "i2", "i4", "i5" })]
    [InlineData("created < @yearStart", new[] { "i3" })]
    [InlineData("created <= @yearEnd && created > '2024'", new[] { "i1", "i2", "i4", "i5" })]
    public void Date_macros_are_utc_strings(string filter, string[] expected) => Assert.Equal(expected, Run(filter));

    [Theory]
    [InlineData("@now", "2024-05-10 12:30:15.000Z")]
    [InlineData("@yesterday", "2024-05-09 12:30:15.000Z")]
    [InlineData("@tomorrow", "2024-05-11 12:30:15.000Z")]
    [InlineData("@todayStart", "2024-05-10 00:00:00.000Z")]
    [InlineData("@todayEnd", "2024-05-10 23:59:59.999Z")]
    [InlineData("@monthStart", "2024-05-01 00:00:00.000Z")]
    [InlineData("@monthEnd", "2024-05-31 23:59:59.999Z")]
    [InlineData("@yearStart", "2024-01-01 00:00:00.000Z")]
    [InlineData("@yearEnd", "2024-12-31 23:59:59.999Z")]
    [InlineData("@second", 15L)]
    [InlineData("@minute", 30L)]
    [InlineData("@hour", 12L)]
    [InlineData("@weekday", 5L)]
    [InlineData("@day", 10L)]
    [InlineData("@month", 5L)]
    [InlineData("@year", 2024L)]
    public void Macro_values(string macro, object expected)
        => Assert.Equal(expected, Sql($"created = {macro}").Parameters["p0"]);

    [Fact]
    public void Numeric_macros_compare_with_numbers()
    {
        Assert.Equal(["i3"], Run("num = @day"));
        Assert.Equal(["i2"], Run("num = @month"));
    }

    [Fact]
    public void Placeholders_are_bound_as_parameters()
    {
        var values = new Dictionary<string, object?> { ["t"] = "a_b' OR 1=1", ["n"] = 4, ["none"] = null, ["yes"] = true };
        Assert.Empty(Run("title = {:t}", values));
        Assert.Equal(["i2", "i3", "i5"], Run("num > {:n}", values));
        Assert.Equal(["i1", "i2"], Run("note = {:none}", values));
        Assert.Equal(["i1"], Run("num = {:yes}", values));
        Assert.Throws<FilterException>(() => Run("title = {:missing}", values));
    }

    [Fact]
    public void GeoDistance_is_in_kilometres()
    {
        // Sofia (i1, i2) vs Plovdiv (i3, ~130 km), London (i4) and (0,0)
        Assert.Equal(["i1", "i2"], Run("geoDistance(lon, lat, 23.32, 42.69) < 25"));
        Assert.Equal(["i1", "i2", "i3"], Run("geoDistance(lon, lat, 23.32, 42.69) < 200"));
    }

    [Fact]
    public void Strftime_formats_dates()
    {
        Assert.Equal(["i3"], Run("strftime('%Y', created) = '2023'"));
        Assert.Equal(["i1", "i5"], Run("strftime('%Y-%m-%d', created) = '2024-05-10'"));
        Assert.Equal(["i2"], Run("strftime('%d', created, '-1 day') = '10'"));
        Assert.Equal(["i1", "i2", "i3", "i4", "i5"], Run("strftime('%Y', note) = ''"));   // NULL result counts as empty
    }

    [Theory]
    [InlineData("geoDistance(lon, lat, 1) < 1")]
    [InlineData("geoDistance(lon, lat, 'a', 1) < 1")]
    [InlineData("strftime(created) = 1")]
    [InlineData("strftime('%Y', created, 1) = 1")]
    [InlineData("nope(1) = 1")]
    public void Invalid_function_calls_throw(string filter) => Assert.Throws<FilterException>(() => Run(filter));
}
