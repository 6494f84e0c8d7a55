using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;

namespace Satchel.Tests.Rules;

/// <summary>The fuzz test of <see cref="FilterFuzzTests"/> over record fields, relations, @collection and @request identifiers.</summary>
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
