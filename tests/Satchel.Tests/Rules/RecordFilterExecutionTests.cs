using System.Text.Json.Nodes;
using Satchel.Rules;
using Satchel.Rules.Resolvers;

namespace Satchel.Tests.Rules;

/// <summary>Record filters compiled by <see cref="RecordFieldResolver"/> and run on SQLite.</summary>
public sealed class RecordFilterExecutionTests : IDisposable
{
    private readonly RulesFixture _f = new();

    public void Dispose() => _f.Dispose();

    private List<string> Posts(string filter, RequestInfo? request = null, bool allowHidden = true)
        => _f.Ids(_f.Posts, filter, request, allowHidden);

    [Theory]
    [InlineData("author.name = 'Alice'", new[] { "p1" })]
    [InlineData("author.organization.name = 'Acme'", new[] { "p1" })]
    [InlineData("author.organization.country = 'US'", new[] { "p2" })]
    [InlineData("author.organization.name = ''", new[] { "p3", "p4" })]          // no author / no organization is empty
    [InlineData("author.id = 'u2'", new[] { "p2" })]
    [InlineData("author = 'u2'", new[] { "p2" })]
    [InlineData("parent.parent.title = 'Hello'", new[] { "p3" })]
    [InlineData("parent.parent.parent.parent.parent.parent.title = 'x'", new string[0])]
    public void Relation_paths(string filter, string[] expected) => Assert.Equal(expected, Posts(filter));

    [Fact]
    public void Relation_paths_are_limited_to_six_levels()
        => Assert.Contains("max nested", Assert.Throws<FilterException>(() => Posts("parent.parent.parent.parent.parent.parent.parent.title = 'x'")).Message);

    [Theory]
    // tags: p1 [red, green], p2 [red], p3 [], p4 [red, blue]
    [InlineData("tags.name ?= 'red'", new[] { "p1", "p2", "p4" })]
    [InlineData("tags.name = 'red'", new[] { "p2" })]                     // all items
    [InlineData("tags.name ?!= 'red'", new[] { "p1", "p3", "p4" })]      // any item (the empty list's NULL item too)
    [InlineData("tags.name != 'red'", new[] { "p3" })]
    [InlineData("tags.name ?~ 'ee'", new[] { "p1" })]
    [InlineData("tags.name ~ 'e'", new[] { "p1", "p2", "p4" })]          // red, green, blue all contain "e"
    [InlineData("tags.name ?> 'green'", new[] { "p1", "p2", "p4" })]
    [InlineData("tags.name > 'blue'", new[] { "p1", "p2" })]
    [InlineData("tags.id ?= 't3'", new[] { "p4" })]
    [InlineData("tags ~ 't3'", new[] { "p4" })]
    public void Multi_valued_relations_any_versus_all(string filter, string[] expected) => Assert.Equal(expected, Posts(filter));

    [Theory]
    // both conditions read the same joined tag row, as in PocketBase: no single tag is red and green
    [InlineData("tags.name ?= 'red' && tags.name ?= 'green'", new string[0])]
    [InlineData("tags.name ?= 'green' || tags.name ?= 'blue'", new[] { "p1", "p4" })]
    public void Combined_any_conditions(string filter, string[] expected) => Assert.Equal(expected, Posts(filter));

    [Theory]
    // categories: p1 [news, tech], p2 [news], p3 [], p4 [tech]
    [InlineData("categories:each = 'news'", new[] { "p2" })]
    [InlineData("categories:each ?= 'tech'", new[] { "p1", "p4" })]
    [InlineData("categories:each ~ 'e'", new[] { "p1", "p2", "p4" })]
    [InlineData("categories:each != 'news'", new[] { "p3", "p4" })]
    [InlineData("categories:length = 0", new[] { "p3" })]
    [InlineData("categories:length >= 2", new[] { "p1" })]
    [InlineData("tags:length = 2", new[] { "p1", "p4" })]
    [InlineData("attachments:length > 0", new[] { "p1", "p3" })]
    [InlineData("attachments:each ?~ '.png'", new[] { "p1", "p3" })]
    [InlineData("status:each = 'draft'", new[] { "p2" })]                  // a single select is a one item list
    [InlineData("status:length = 1", new[] { "p1", "p2", "p4" })]
    public void Each_and_length_modifiers(string filter, string[] expected) => Assert.Equal(expected, Posts(filter));

    [Theory]
    [InlineData("title:lower = 'hello'", new[] { "p1" })]
    [InlineData("title = 'hello'", new string[0])]
    [InlineData("title:lower ~ 'RED'", new[] { "p4" })]
    [InlineData("tags.name:lower ?= 'blue'", new[] { "p4" })]
    public void Lower_modifier(string filter, string[] expected) => Assert.Equal(expected, Posts(filter));

    [Theory]
    [InlineData("data.a.b = 5", new[] { "p1" })]
    [InlineData("data.list.1 = 2", new[] { "p1" })]
    [InlineData("data = 1", new[] { "p3" })]
    [InlineData("data = 'x'", new[] { "p4" })]
    [InlineData("data = null", new[] { "p2" })]
    [InlineData("data.a.b = null", new[] { "p2", "p3", "p4" })]
    [InlineData("location.lat > 40", new[] { "p1", "p3" })]
    [InlineData("geoDistance(location.lon, location.lat, 23.3219, 42.6977) < 10", new[] { "p1" })]
    public void Json_and_geo_point_paths(string filter, string[] expected) => Assert.Equal(expected, Posts(filter));

    [Theory]
    // comments: c1 (p1, nice, u2), c2 (p1, private, u3), c3 (p2, meh, u1)
    [InlineData("comments_via_post.text ?= 'nice'", new[] { "p1" })]
    [InlineData("comments_via_post.text = 'meh'", new[] { "p2" })]
    [InlineData("comments_via_post.text = 'nice'", new string[0])]
    [InlineData("comments_via_post.author.name ?= 'Carol'", new[] { "p1" })]
    [InlineData("comments_via_post.id = ''", new[] { "p3", "p4" })]
    // likes: l1 [p1, p2] by u1, l2 [p1] by u2
    [InlineData("likes_via_posts.user ?= 'u2'", new[] { "p1" })]
    [InlineData("likes_via_posts.user = 'u1'", new[] { "p2" })]
    [InlineData("likes_via_posts.user.name ?= 'Alice'", new[] { "p1", "p2" })]
    public void Back_relations(string filter, string[] expected) => Assert.Equal(expected, Posts(filter));

    [Fact]
    public void Back_relation_through_a_unique_index_is_one_to_one()
    {
        _f.Comments.Indexes.Add("CREATE UNIQUE INDEX `idx_post` ON `comments` (`post`)");
        // without the all-items check, one matching comment is enough
        Assert.Equal(["p1"], Posts("comments_via_post.text = 'nice'"));
    }

    [Theory]
    [InlineData("unknown = 1")]
    [InlineData("title.sub = 1")]
    [InlineData("nothing_via_post.id = 1")]
    [InlineData("posts_via_title.id = 1")]
    [InlineData("title:nope = 1")]
    [InlineData("#title = 1")]
    [InlineData("@collection.missing.id = 1")]
    [InlineData("@collection.comments = 1")]
    public void Unknown_fields_throw(string filter) => Assert.Throws<FilterException>(() => Posts(filter));

    [Theory]
    [InlineData("@collection.comments.post ?= id && @collection.comments.author ?= 'u3'", new[] { "p1" })]  // the same comment row
    [InlineData("@collection.comments.post ?= id && @collection.comments.author ?= 'u1'", new[] { "p2" })]
    [InlineData("@collection.comments:c.post ?= id && @collection.comments:d.author ?= 'u1'", new[] { "p1", "p2" })]  // aliases: separate rows
    [InlineData("@collection.tags.name ?= 'blue'", new[] { "p1", "p2", "p3", "p4" })]
    [InlineData("@collection.tags.name = 'blue'", new string[0])]                                           // not every tag is blue
    public void Collection_joins(string filter, string[] expected) => Assert.Equal(expected, Posts(filter));

    [Fact]
    public void Guest_request_auth_is_null()
    {
        var guest = new RequestInfo();
        Assert.Empty(Posts("@request.auth.id != ''", guest));
        Assert.Equal(["p1", "p2", "p3", "p4"], Posts("@request.auth.id = ''", guest));
        Assert.Equal(["p3"], Posts("author = @request.auth.id", guest));
        Assert.Empty(Posts("@request.auth.organization.name = 'Acme'", guest));
        Assert.Equal(["p1", "p2", "p3", "p4"], Posts("@request.auth.collectionName = null", guest));
    }

    [Fact]
    public void User_request_auth_reads_the_record_and_joins_its_collection()
    {
        var alice = new RequestInfo { Auth = _f.User("u1") };
        var bob = new RequestInfo { Auth = _f.User("u2") };
        Assert.Equal(["p1"], Posts("author = @request.auth.id", alice));
        Assert.Equal(["p2"], Posts("author.id = @request.auth.id", bob));
        Assert.Equal(["p1", "p2", "p3", "p4"], Posts("@request.auth.email = 'a@x.com' && @request.auth.collectionName = 'users'", alice));
        Assert.Equal(["p1", "p2", "p3", "p4"], Posts("@request.auth.organization.name = 'Acme'", alice));
        Assert.Empty(Posts("@request.auth.organization.name = 'Acme'", bob));
        Assert.Equal(["p1"], Posts("author.organization = @request.auth.organization", alice));
        Assert.Equal(["p1", "p2", "p3", "p4"], Posts("@request.auth.missing.field = null", alice));
        Assert.Equal(["p1", "p2", "p3", "p4"], Posts("@request.auth.emailVisibility = true && @request.auth.verified = false", alice));
        Assert.Empty(Posts("@request.auth.emailVisibility = true", bob));
        Assert.Equal(["p1", "p2"], Posts("@request.auth.id != '' && (author = @request.auth.id || likes_via_posts.user ?= @request.auth.id)", alice));
    }

    [Fact]
    public void Request_method_context_headers_and_query_are_parameters()
    {
        var request = new RequestInfo
        {
            Method = "POST",
            Context = RequestContexts.OAuth2,
            Headers = new Dictionary<string, string> { ["x_token"] = "abc" },
            Query = new Dictionary<string, string> { ["page"] = "1", ["empty"] = "" },
        };
        var all = new List<string> { "p1", "p2", "p3", "p4" };
        Assert.Equal(all, Posts("@request.method = 'POST' && @request.context = 'oauth2'", request));
        Assert.Equal(all, Posts("@request.headers.x_token = 'abc' && @request.headers.missing = ''", request));
        Assert.Equal(all, Posts("@request.query.page = '1' && @request.query.empty:isset = true && @request.query.nope:isset = false", request));
        Assert.Equal(all, Posts("@request.headers.x_token:lower = 'abc' && @request.query.page:lower = '1'", request));
        Assert.Empty(Posts("@request.context = 'default'", request));
    }

    private static RequestInfo BodyRequest() => new()
    {
        Method = "PATCH",
        Body = new Dictionary<string, object?>
        {
            ["title"] = "Hello",
            ["views"] = "10",                                         // form-data text for a number field
            ["tags"] = new JsonArray("t1", "t3"),
            ["author"] = "u2",
            ["status"] = null,
            ["meta"] = new JsonObject { ["level"] = 3, ["names"] = new JsonArray("a", "b") },
        },
    };

    [Theory]
    [InlineData("@request.body.title:isset = true && @request.body.missing:isset = false", new[] { "p1", "p2", "p3", "p4" })]
    [InlineData("@request.body.status:isset = true", new[] { "p1", "p2", "p3", "p4" })]
    [InlineData("title = @request.body.title", new[] { "p1" })]
    [InlineData("views = @request.body.views", new[] { "p1" })]
    [InlineData("@request.body.title:lower = 'hello'", new[] { "p1", "p2", "p3", "p4" })]
    [InlineData("@request.body.tags:length = 2", new[] { "p1", "p2", "p3", "p4" })]
    [InlineData("@request.body.tags:each ?= 't3'", new[] { "p1", "p2", "p3", "p4" })]
    [InlineData("@request.body.tags:each ~ 't'", new[] { "p1", "p2", "p3", "p4" })]
    [InlineData("@request.body.tags:each = 't1'", new string[0])]
    [InlineData("tags ?= @request.body.tags:each", new string[0])]     // the raw JSON column never equals an id
    [InlineData("tags.id ?= @request.body.tags:each", new[] { "p1", "p2", "p4" })]
    [InlineData("@request.body.author.name = 'Bob'", new[] { "p1", "p2", "p3", "p4" })]
    [InlineData("@request.body.tags.name ?= 'blue'", new[] { "p1", "p2", "p3", "p4" })]
    [InlineData("@request.body.tags.name = 'red'", new string[0])]
    [InlineData("@request.body.meta.level = 3 && @request.body.meta.names.1 = 'b'", new[] { "p1", "p2", "p3", "p4" })]
    [InlineData("@request.body.status = null && @request.body.nothing = ''", new[] { "p1", "p2", "p3", "p4" })]
    [InlineData("@request.body.title:changed = false", new[] { "p1" })]
    [InlineData("@request.body.title:changed = true", new[] { "p2", "p3", "p4" })]
    [InlineData("@request.body.parent:changed = false", new[] { "p1", "p2", "p3", "p4" })]  // not submitted: unchanged
    [InlineData("strftime('%Y', @request.body.title:changed) != ''", new[] { "p1", "p2", "p3", "p4" })]
    public void Request_body(string filter, string[] expected) => Assert.Equal(expected, Posts(filter, BodyRequest()));

    [Fact]
    public void Request_with_no_info_resolves_to_null()
    {
        var query = new Satchel.Rules.Sql.SearchQuery("posts", new RecordFieldResolver(_f.Posts, _f.Find, null, true));
        Assert.Equal(4, _f.Db.Ids(query.Where("@request.body.title = null && @request.auth.id = ''").Build()).Count);
    }

    [Fact]
    public void Hidden_fields_need_allow_hidden()
    {
        Assert.Equal(["p1", "p2", "p4"], Posts("tags.secret ?= 's1'"));
        Assert.Contains("non-filterable", Assert.Throws<FilterException>(() => Posts("tags.secret ?= 's1'", allowHidden: false)).Message);
        Assert.Throws<FilterException>(() => _f.Ids(_f.Users, "password != ''", allowHidden: false));
        Assert.Throws<FilterException>(() => _f.Ids(_f.Users, "tokenKey != ''", allowHidden: false));
    }

    [Fact]
    public void Emails_only_match_visible_ones_without_allow_hidden()
    {
        Assert.Equal(["u2"], _f.Ids(_f.Users, "email = 'b@x.com'"));
        Assert.Empty(_f.Ids(_f.Users, "email = 'b@x.com'", allowHidden: false));
        Assert.Equal(["u1"], _f.Ids(_f.Users, "email ~ 'a@'", allowHidden: false));
        Assert.Empty(Posts("author.email = 'b@x.com'", allowHidden: false));
        Assert.Equal(["p1"], Posts("author.email = 'a@x.com'", allowHidden: false));
    }

    [Fact]
    public void Joined_collections_apply_their_list_rule_for_non_superusers()
    {
        // comments' listRule hides the "private" one (by u3)
        Assert.Equal(["p1"], Posts("comments_via_post.author ?= 'u3'"));
        Assert.Empty(Posts("comments_via_post.author ?= 'u3'", allowHidden: false));
        Assert.Equal(["p1"], Posts("comments_via_post.author ?= 'u2'", allowHidden: false));
        // rows without a joined record are not hidden by the rule
        Assert.Equal(["p1", "p2", "p3", "p4"], Posts("title != '' || comments_via_post.text != ''", allowHidden: false));
    }

    [Fact]
    public void Date_macros_in_joined_list_rules_use_the_query_instant()
    {
        _f.Comments.ListRule = "@now < '2024-05-10 13:00:00.000Z'";
        Assert.Equal(["p1"], Posts("comments_via_post.text ?= 'nice'", allowHidden: false));   // fixture instant: 12:00
    }

    [Fact]
    public void Collections_with_a_locked_list_rule_cannot_be_joined_by_non_superusers()
    {
        Assert.Equal(["p1"], Posts("secrets_via_post.code ?= 'x'"));
        Assert.Contains("superusers", Assert.Throws<FilterException>(() => Posts("secrets_via_post.code ?= 'x'", allowHidden: false)).Message);
        Assert.Throws<FilterException>(() => Posts("@collection.secrets.code ?= 'x'", allowHidden: false));
    }

    [Fact]
    public void Sort_by_fields_relations_and_specials()
    {
        Assert.Equal(["p3", "p2", "p1", "p4"], _f.Ids(_f.Posts, "id != ''", sort: "created"));
        Assert.Equal(["p1", "p4", "p3", "p2"], _f.Ids(_f.Posts, "id != ''", sort: "-views"));
        Assert.Equal(["p3", "p1", "p2", "p4"], _f.Ids(_f.Posts, "id != ''", sort: "author.name,id"));
        Assert.Equal(["p4", "p3", "p2", "p1"], _f.Ids(_f.Posts, "id != ''", sort: "-@rowid"));
        Assert.Equal(4, _f.Ids(_f.Posts, "id != ''", sort: "@random").Count);
        Assert.Throws<FilterException>(() => _f.Ids(_f.Posts, "id != ''", sort: "@request.auth.id"));
        Assert.Throws<FilterException>(() => _f.Ids(_f.Posts, "id != ''", sort: "nope"));
        Assert.Throws<FilterException>(() => _f.Ids(_f.Posts, "id != ''", sort: "tags.secret", allowHidden: false));
    }

    [Fact]
    public void Count_counts_distinct_records_despite_joins()
    {
        var query = new Satchel.Rules.Sql.SearchQuery("posts", _f.Resolver(_f.Posts)).Where("tags.name ?~ 'e'");
        Assert.Equal(3, _f.Db.Count(query.Build()));
    }

    [Fact]
    public void Create_rules_can_run_over_a_pending_record_in_a_cte()
    {
        var alice = new RequestInfo { Auth = _f.User("u1") };
        bool Allowed(string rule, string author)
        {
            var query = new Satchel.Rules.Sql.SearchQuery("__pending", _f.Resolver(_f.Posts, alice, table: "__pending")).Where(rule);
            var sql = query.Build();
            var parameters = Satchel.Tests.Rules.SqliteTestDb.ToDapper(sql.Parameters);
            parameters.Add("new_author", author);
            var statement = "WITH `__pending` AS (SELECT 'new' AS id, 'New' AS title, @new_author AS author, '[\"t3\"]' AS tags) "
                            + sql.SelectSql("1", limit: 1);
            return Dapper.SqlMapper.ExecuteScalar<long?>(_f.Db.Connection, statement, parameters) == 1;
        }

        Assert.True(Allowed("author = @request.auth.id", "u1"));
        Assert.False(Allowed("author = @request.auth.id", "u2"));
        Assert.True(Allowed("author.organization.name = 'Acme' && tags.name ?= 'blue'", "u1"));
        Assert.False(Allowed("author.organization.name = 'Acme' && tags.name = 'red'", "u1"));
    }

    [Fact]
    public void Standalone_where_wraps_joins_in_a_subquery()
    {
        var sql = new Satchel.Rules.Sql.SearchQuery("posts", _f.Resolver(_f.Posts)).Where("tags.name = 'red'").Build();
        var statement = $"SELECT id FROM posts WHERE {sql.StandaloneWhere()} ORDER BY id";
        Assert.Equal(["p2"], Dapper.SqlMapper.Query<string>(_f.Db.Connection, statement, SqliteTestDb.ToDapper(sql.Parameters)));
    }
}
