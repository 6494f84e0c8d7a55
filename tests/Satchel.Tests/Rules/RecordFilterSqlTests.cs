using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;

namespace Satchel.Tests.Rules;

/// <summary>Shape of the SQL the record resolver produces: joins, DISTINCT and the all-items subquery.</summary>
public sealed class RecordFilterSqlTests : IDisposable
{
    private readonly RulesFixture _f = new();

    public void Dispose() => _f.Dispose();

    private SearchSql Build(string filter, RequestInfo? request = null, bool allowHidden = true)
        => new SearchQuery("posts", _f.Resolver(_f.Posts, request, allowHidden)).Where(filter).Build();

    [Fact]
    public void Plain_fields_need_no_joins()
    {
        var sql = Build("title = 'x' && views > 1");
        Assert.Empty(sql.Joins);
        Assert.False(sql.Distinct);
        Assert.Equal("(`posts`.`title` = @p0 AND `posts`.`views` > @p1)", sql.Where);
        Assert.StartsWith("SELECT `posts`.* FROM `posts` WHERE", sql.SelectSql());
    }

    [Fact]
    public void Any_operators_on_single_values_equal_the_plain_ones()
        => Assert.Equal(Build("title = 'x'").Where, Build("title ?= 'x'").Where);

    [Fact]
    public void Single_relation_id_uses_the_column()
    {
        var sql = Build("author.id = 'u1'");
        Assert.Empty(sql.Joins);
        Assert.Equal("`posts`.`author` = @p0", sql.Where);
    }

    [Fact]
    public void Relation_paths_left_join_and_select_distinct()
    {
        var sql = Build("author.organization.name = 'Acme'");
        Assert.Equal(["posts_author", "posts_author_organization"], sql.Joins.Select(j => j.Alias));
        Assert.Equal("LEFT JOIN `users` `posts_author` ON `posts_author`.`id` = `posts`.`author`", sql.Joins[0].ToSql());
        Assert.True(sql.Distinct);
        Assert.StartsWith("SELECT DISTINCT `posts`.* FROM `posts` LEFT JOIN `users` `posts_author`", sql.SelectSql());
        Assert.DoesNotContain("NOT EXISTS", sql.Where);
    }

    [Fact]
    public void Multi_valued_paths_use_json_each_and_an_all_items_subquery()
    {
        var any = Build("tags.name ?= 'red'");
        Assert.Equal(["__je_posts_tags", "posts_tags"], any.Joins.Select(j => j.Alias));
        Assert.StartsWith("LEFT JOIN json_each(", any.Joins[0].ToSql());
        Assert.Equal("`posts_tags`.`name` = @p0", any.Where);

        var all = Build("tags.name = 'red'");
        Assert.Contains("NOT EXISTS (SELECT 1 FROM (SELECT `__mm_posts_tags`.`name` AS `multiMatchValue` FROM `posts` `__mm_posts`", all.Where);
        Assert.Contains("WHERE `__mm_posts`.`id` = `posts`.`id`", all.Where);
        Assert.Contains("WHERE NOT (", all.Where);
    }

    [Fact]
    public void Joins_are_shared_between_conditions_on_the_same_path()
    {
        var sql = Build("tags.name = 'a' || tags.name = 'b' || author.name = 'c'");
        Assert.Equal(3, sql.Joins.Count);
    }

    [Fact]
    public void Request_values_are_parameters()
    {
        var request = new RequestInfo { Headers = new Dictionary<string, string> { ["x_token"] = "'; DROP TABLE posts; --" } };
        var sql = Build("@request.headers.x_token = title", request);
        Assert.DoesNotContain("DROP", sql.Where);
        Assert.Contains("'; DROP TABLE posts; --", sql.Parameters.Values);
    }

    [Fact]
    public void Guest_auth_is_a_null_literal()
        => Assert.Equal("'' IS NOT ''", Build("@request.auth.id != ''", new RequestInfo()).Where);

    [Fact]
    public void List_rule_constraints_are_added_once_per_joined_collection()
    {
        var sql = Build("comments_via_post.text ?= 'a' || comments_via_post.author ?= 'b'", allowHidden: false);
        // the rule's literal is bound once: one constraint for the one joined alias
        Assert.Single(sql.Parameters.Values, v => Equals(v, "private"));
        Assert.DoesNotContain("private", sql.Where);
    }
}
