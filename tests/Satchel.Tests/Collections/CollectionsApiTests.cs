using System.Text.Json.Nodes;
using Satchel.Tests.Support;

namespace Satchel.Tests.Collections;

public class CollectionsApiTests : IAsyncLifetime
{
    private TestServer _s = null!;
    private string _su = "";

    public async Task InitializeAsync()
    {
        _s = await TestServer.StartAsync();
        _su = _s.SuperuserToken();
    }

    public async Task DisposeAsync() => await _s.DisposeAsync();

    [Theory]
    [InlineData("GET", "/api/collections")]
    [InlineData("GET", "/api/collections/demo1")]
    [InlineData("POST", "/api/collections")]
    [InlineData("PATCH", "/api/collections/demo1")]
    [InlineData("DELETE", "/api/collections/demo5")]
    [InlineData("DELETE", "/api/collections/demo5/truncate")]
    [InlineData("PUT", "/api/collections/import")]
    [InlineData("GET", "/api/collections/meta/scaffolds")]
    [InlineData("POST", "/api/collections/meta/dry-run-view")]
    public async Task Every_endpoint_is_for_superusers_only(string method, string url)
    {
        var (guest, guestBody) = await _s.SendAsync(new HttpMethod(method), url, json: "{}");
        Assert.Equal(401, guest);
        Assert.Equal("{}", guestBody!["data"]!.ToJsonString());
        var (user, _) = await _s.SendAsync(new HttpMethod(method), url, _s.UserToken(), "{}");
        Assert.Equal(403, user);
    }

    [Fact]
    public async Task List_pages_sorts_and_filters()
    {
        var (status, body) = await _s.SendAsync(HttpMethod.Get, "/api/collections", _su);
        Assert.Equal(200, status);
        Assert.Equal(1, (int)body!["page"]!);
        Assert.Equal(30, (int)body["perPage"]!);
        Assert.Equal(16, (int)body["totalItems"]!);
        Assert.Equal(16, body["items"]!.AsArray().Count);

        (status, body) = await _s.SendAsync(HttpMethod.Get, "/api/collections?filter=type='view'&sort=-name&perPage=2&page=1", _su);
        Assert.Equal(200, status);
        Assert.Equal(3, (int)body!["totalItems"]!);
        Assert.Equal(2, (int)body["totalPages"]!);
        Assert.Equal(new[] { "view2", "view1" }, body["items"]!.AsArray().Select(i => (string)i!["name"]!));
        Assert.Equal("SELECT view1.id, view1.bool as state, view1.file_many, view1.rel_many from view1", ((string)body["items"]![0]!["viewQuery"]!).Trim());

        (status, body) = await _s.SendAsync(HttpMethod.Get, "/api/collections?skipTotal=1&perPage=1", _su);
        Assert.Equal(-1, (int)body!["totalItems"]!);

        (status, _) = await _s.SendAsync(HttpMethod.Get, "/api/collections?filter=invalidfield~'demo2'", _su);
        Assert.Equal(400, status);
    }

    [Fact]
    public async Task View_by_name_or_id_hides_secrets_and_404s_unknown()
    {
        var (status, body) = await _s.SendAsync(HttpMethod.Get, "/api/collections/users", _su);
        Assert.Equal(200, status);
        Assert.Equal("_pb_users_auth_", (string)body!["id"]!);
        Assert.Null(body["authToken"]!["secret"]);
        Assert.Null(body["oauth2"]!["providers"]![0]!["clientSecret"]);
        // stored as null, answered as a list
        (status, body) = await _s.SendAsync(HttpMethod.Get, "/api/collections/_superusers", _su);
        Assert.Equal("[]", body!["oauth2"]!["providers"]!.ToJsonString());
        (status, _) = await _s.SendAsync(HttpMethod.Get, "/api/collections/wsmn24bux7wo113", _su);
        Assert.Equal(200, status);
        (status, _) = await _s.SendAsync(HttpMethod.Get, "/api/collections/missing", _su);
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Create_validates_and_creates()
    {
        var (status, body) = await _s.SendAsync(HttpMethod.Post, "/api/collections", _su, "{}");
        Assert.Equal(400, status);
        Assert.Equal("validation_required", (string)body!["data"]!["name"]!["code"]!);
        Assert.Null(body["data"]!["fields"]);

        (status, body) = await _s.SendAsync(HttpMethod.Post, "/api/collections", _su,
            """{"name":"new","type":"base","fields":[{"type":"text","id":"12345789","name":"test"}]}""");
        Assert.Equal(200, status);
        Assert.Equal(new[] { "text3208210256", "12345789" }, body!["fields"]!.AsArray().Select(f => (string)f!["id"]!));
        Assert.StartsWith("pbc_", (string)body["id"]!);
        Assert.NotNull(_s.App.FindCollectionByNameOrId("new"));

        (status, body) = await _s.SendAsync(HttpMethod.Post, "/api/collections", _su,
            """{"name":"new2","type":"auth","fields":[{"type":"text","name":"oldPassword"}]}""");
        Assert.Equal(400, status);
        Assert.Equal("validation_reserved_field_name", (string)body!["data"]!["fields"]!["1"]!["name"]!["code"]!);

        (status, body) = await _s.SendAsync(HttpMethod.Post, "/api/collections", _su,
            """{"name":"v","type":"view","viewQuery":"select id, email from users"}""");
        Assert.True(status == 200, body?.ToJsonString());
        Assert.True("email" == (string?)body?["fields"]?[1]?["type"], body?.ToJsonString());

        (status, _) = await _s.SendAsync(HttpMethod.Post, "/api/collections", _su, """{"name":"x","fields":"nope"}""");
        Assert.Equal(400, status);
    }

    [Fact]
    public async Task Update_merges_the_submitted_keys_and_keeps_secrets()
    {
        var before = _s.App.FindCollectionByNameOrId("users")!.Auth!.FileToken.Secret;
        var (status, body) = await _s.SendAsync(HttpMethod.Patch, "/api/collections/users", _su,
            """{"listRule":"","fileToken":{"duration":300},"oauth2":{"providers":[{"name":"gitlab","clientId":"changed"}]}}""");
        Assert.True(status == 200, body?.ToJsonString());
        Assert.Equal("", (string)body!["listRule"]!);
        var users = _s.App.FindCollectionByNameOrId("users")!;
        Assert.Equal(300, users.Auth!.FileToken.Duration);
        Assert.Equal(before, users.Auth.FileToken.Secret);
        Assert.Equal("test2", users.Auth.OAuth2.Providers![0].ClientSecret);
        Assert.Equal("changed", users.Auth.OAuth2.Providers[0].ClientId);

        (status, body) = await _s.SendAsync(HttpMethod.Patch, "/api/collections/demo1", _su, """{"name":"new","fields":[{"type":"text","name":"created"}]}""");
        Assert.Equal(400, status);
        Assert.Equal("validation_system_field_change", (string)body!["data"]!["fields"]!["code"]!);

        (status, body) = await _s.SendAsync(HttpMethod.Patch, "/api/collections/demo2", _su,
            """{"indexes":["create index duplicate_idx on new (created)","create index duplicate_idx on new (updated)"]}""");
        Assert.Equal(400, status);
        Assert.Equal("validation_duplicated_index_name", (string)body!["data"]!["indexes"]!["1"]!["code"]!);

        (status, body) = await _s.SendAsync(HttpMethod.Patch, "/api/collections/demo1", _su, """{"name":"renamed"}""");
        Assert.Equal(200, status);
        Assert.Equal("renamed", (string)body!["name"]!);
        Assert.Equal("wsmn24bux7wo113", _s.App.FindCollectionByNameOrId("renamed")!.Id);

        (status, _) = await _s.SendAsync(HttpMethod.Patch, "/api/collections/missing", _su, "{}");
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Delete_refuses_system_and_referenced_collections()
    {
        var (status, _) = await _s.SendAsync(HttpMethod.Delete, "/api/collections/_mfas", _su);
        Assert.Equal(400, status);
        (status, var body) = await _s.SendAsync(HttpMethod.Delete, "/api/collections/demo2", _su);
        Assert.Equal(400, status);
        Assert.StartsWith("Failed to delete collection probably due to existing reference in", (string)body!["message"]!);
        (status, _) = await _s.SendAsync(HttpMethod.Delete, "/api/collections/view2", _su);
        Assert.Equal(204, status);
        (status, _) = await _s.SendAsync(HttpMethod.Delete, "/api/collections/demo5", _su);
        Assert.Equal(204, status);
        Assert.Null(_s.App.FindCollectionByNameOrId("demo5"));
        (status, _) = await _s.SendAsync(HttpMethod.Delete, "/api/collections/demo5", _su);
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Truncate_refuses_views_and_empties_a_collection_without_records()
    {
        var (status, body) = await _s.SendAsync(HttpMethod.Delete, "/api/collections/view1/truncate", _su);
        Assert.Equal(400, status);
        Assert.Equal("View collections cannot be truncated since they don't store their own records.", (string)body!["message"]!);
        (status, _) = await _s.SendAsync(HttpMethod.Post, "/api/collections", _su, """{"name":"empty"}""");
        Assert.Equal(200, status);
        (status, _) = await _s.SendAsync(HttpMethod.Delete, "/api/collections/empty/truncate", _su);
        Assert.Equal(204, status);
        (status, _) = await _s.SendAsync(HttpMethod.Delete, "/api/collections/missing/truncate", _su);
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Import_requires_collections_and_applies_them_in_one_go()
    {
        var (status, body) = await _s.SendAsync(HttpMethod.Put, "/api/collections/import", _su, """{"collections":[]}""");
        Assert.Equal(400, status);
        Assert.Equal("validation_required", (string)body!["data"]!["collections"]!["code"]!);

        (status, _) = await _s.SendAsync(HttpMethod.Put, "/api/collections/import", _su, """
            {"deleteMissing":true,"collections":[{"name":"test123"},
             {"id":"wsmn24bux7wo113","name":"demo1","fields":[{"id":"_2hlxbmp","name":"title","type":"text","required":true}],"indexes":[]}]}
            """);
        Assert.Equal(204, status);
        Assert.NotNull(_s.App.FindCollectionByNameOrId("test123"));
        Assert.Null(_s.App.FindCollectionByNameOrId("demo2"));
        Assert.NotNull(_s.App.FindCollectionByNameOrId("_superusers"));
        Assert.Equal(new[] { "id", "title" }, _s.App.FindCollectionByNameOrId("demo1")!.Fields.Select(f => f.Name).OrderBy(x => x));

        // a failing import changes nothing
        (status, body) = await _s.SendAsync(HttpMethod.Put, "/api/collections/import", _su, """
            {"collections":[{"name":"ok1"},{"name":"bad name"}]}
            """);
        Assert.Equal(400, status);
        Assert.Equal("validation_collections_import_failure", (string)body!["data"]!["collections"]!["code"]!);
        Assert.Null(_s.App.FindCollectionByNameOrId("ok1"));
    }

    [Fact]
    public async Task Scaffolds_and_dry_run_view()
    {
        var (status, body) = await _s.SendAsync(HttpMethod.Get, "/api/collections/meta/scaffolds", _su);
        Assert.Equal(200, status);
        foreach (var type in new[] { "auth", "base", "view" })
        {
            Assert.Equal("", (string)body![type]!["id"]!);
            Assert.Equal(type, (string)body[type]!["type"]!);
        }
        Assert.Equal("text3208210256", (string)body!["base"]!["fields"]![0]!["id"]!);
        Assert.Equal(6, body["auth"]!["fields"]!.AsArray().Count);

        (status, body) = await _s.SendAsync(HttpMethod.Post, "/api/collections/meta/dry-run-view", _su, """{"query":""}""");
        Assert.Equal(400, status);
        Assert.Equal("validation_required", (string)body!["data"]!["query"]!["code"]!);

        (status, body) = await _s.SendAsync(HttpMethod.Post, "/api/collections/meta/dry-run-view", _su, """{"query":"select id, text from demo1"}""");
        Assert.Equal(200, status);
        Assert.Equal(new[] { "id", "text" }, body!["fields"]!.AsArray().Select(f => (string)f!["name"]!));
        Assert.NotEmpty(body["sample"]!.AsArray());

        (status, body) = await _s.SendAsync(HttpMethod.Post, "/api/collections/meta/dry-run-view", _su, """{"query":"(select 1 as id union all select 1 as id)"}""");
        Assert.Equal(400, status);
        Assert.Contains("Raw error:", (string)body!["message"]!);
    }
}
