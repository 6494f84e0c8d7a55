using Satchel.Errors;
using Satchel.Rules;
using Satchel.Rules.Resolvers;

namespace Satchel.Tests.Rules;

public sealed class RecordSearchTests : IDisposable
{
    private readonly RulesFixture _f = new();

    public void Dispose() => _f.Dispose();

    private RequestInfo Superuser()
    {
        var superusers = new Satchel.Models.Collection { Id = "pbc_3142635823", Name = "_superusers", Type = "auth" };
        var su = new Satchel.Models.Record(superusers);
        su.Set("id", "su1");
        return new RequestInfo { Auth = su };
    }

    [Fact]
    public void List_applies_the_list_rule_to_non_superusers_only()
    {
        _f.Posts.ListRule = "status = 'published'";
        Assert.Equal(["p1", "p4"], _f.Db.Ids(RecordSearch.List(_f.Posts, _f.Find, new RequestInfo(), null, "id").Build()));
        Assert.Equal(["p1", "p2", "p3", "p4"], _f.Db.Ids(RecordSearch.List(_f.Posts, _f.Find, Superuser(), null, "id").Build()));
    }

    [Fact]
    public void List_combines_rule_filter_and_sort()
    {
        _f.Posts.ListRule = "status = 'published'";
        var sql = RecordSearch.List(_f.Posts, _f.Find, new RequestInfo(), "views > 5", "-views").Build();
        Assert.Equal(["p1", "p4"], _f.Db.Ids(sql));
        Assert.Equal(2, _f.Db.Count(sql));
    }

    [Fact]
    public void Rules_may_use_hidden_fields_but_client_filters_may_not()
    {
        _f.Posts.ListRule = "tags.secret ?= 's3'";
        Assert.Equal(["p4"], _f.Db.Ids(RecordSearch.List(_f.Posts, _f.Find, new RequestInfo(), null, "id").Build()));
        Assert.Throws<FilterException>(() => RecordSearch.List(_f.Posts, _f.Find, new RequestInfo(), "tags.secret ?= 's3'", null));
        Assert.Equal(["p4"], _f.Db.Ids(RecordSearch.List(_f.Posts, _f.Find, Superuser(), "tags.secret ?= 's3'", null).Build()));
    }

    [Fact]
    public void Client_filters_are_length_limited_but_rules_are_not()
    {
        var longFilter = "title != '" + new string('x', 3600) + "'";
        Assert.Throws<FilterException>(() => RecordSearch.List(_f.Posts, _f.Find, new RequestInfo(), longFilter, null));
        _f.Posts.ListRule = longFilter;
        Assert.Equal(4, _f.Db.Ids(RecordSearch.List(_f.Posts, _f.Find, new RequestInfo(), null, null).Build()).Count);
    }

    [Fact]
    public void Record_checks_one_record_against_a_rule()
    {
        var alice = new RequestInfo { Auth = _f.User("u1") };
        Assert.Equal(["p1"], _f.Db.Ids(RecordSearch.Record(_f.Posts, _f.Find, alice, "p1", "author = @request.auth.id").Build()));
        Assert.Empty(_f.Db.Ids(RecordSearch.Record(_f.Posts, _f.Find, alice, "p2", "author = @request.auth.id").Build()));
        Assert.Equal(["p2"], _f.Db.Ids(RecordSearch.Record(_f.Posts, _f.Find, alice, "p2", "").Build()));
        Assert.Equal(["p2"], _f.Db.Ids(RecordSearch.Record(_f.Posts, _f.Find, Superuser(), "p2", "author = @request.auth.id").Build()));
    }

    [Theory]
    [InlineData("@collection.posts.id ?= id", null, "@collection.")]
    [InlineData(null, "@request.auth.title", "@request.")]
    [InlineData("title = '@request.x'", null, "@request.")]
    [InlineData("title = 'x'", "-created", null)]
    public void Superuser_only_prefixes(string? filter, string? sort, string? expected)
    {
        Assert.Equal(expected, SuperuserOnlyFilters.FindPrefix(filter, sort));
        if (expected != null)
        {
            var e = Assert.Throws<ApiException>(() => SuperuserOnlyFilters.Check(false, filter, sort));
            Assert.Equal(403, e.Status);
            Assert.Equal("Only superusers can filter by " + expected, e.Message);
        }
        SuperuserOnlyFilters.Check(true, filter, sort);
    }
}
