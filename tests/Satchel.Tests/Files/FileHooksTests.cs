using System.Net;
using System.Text.Json.Nodes;
using Satchel.Tests.Records;
using Satchel.Tests.Support;

namespace Satchel.Tests.Files;

/// <summary>OnFileDownloadRequest and OnBatchRequest as a plugin sees them (the files-hooks test plugin).</summary>
public sealed class FileHooksTests : IAsyncLifetime
{
    private const string Avatar = "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png";
    private RunningServer _server = null!;
    private RecordsApi _api = null!;

    public async Task InitializeAsync()
    {
        var plugins = new PluginsFile()
            .Add("auth-password", true, Path.Combine(RepoPaths.HostDir, "plugins", "auth-password", "auth-password.dll"))
            .Add("files-local", true, Path.Combine(RepoPaths.HostDir, "plugins", "files-local", "files-local.dll"))
            .AddTestPlugin("files-hooks");
        _server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true, Plugins = plugins });
        _api = new RecordsApi(_server.Client);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_download_hook_sees_what_is_served_and_may_answer_itself()
    {
        var original = await _api.Get(Avatar + "?describe=1");
        Assert.Equal(200, original.Status);
        Assert.Equal("users", original.Str("collection"));
        Assert.Equal("avatar", original.Str("field"));
        Assert.Equal("_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png", original.Str("servedPath"));
        Assert.Null(original.Json["thumbError"]);

        var thumb = await _api.Get(Avatar + "?describe=1&thumb=70x50");
        Assert.Equal("_pb_users_auth_/4q1xlclmfloku33/thumbs_300_1SEi6Q6U72.png/70x50_300_1SEi6Q6U72.png", thumb.Str("servedPath"));
        Assert.Equal("70x50_300_1SEi6Q6U72.png", thumb.Str("servedName"));

        var unsupported = await _api.Get(Avatar + "?describe=1&thumb=1x1");
        Assert.NotNull(unsupported.Json["thumbError"]);
    }

    [Fact]
    public async Task Headers_set_by_the_hook_are_kept()
    {
        using var res = await _server.Client.GetAsync(Avatar + "?rename=1");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("attachment; filename=renamed.bin", string.Join(",", res.Content.Headers.GetValues("Content-Disposition")));
    }

    [Fact]
    public async Task The_batch_hook_may_refuse_or_change_the_requests()
    {
        var refused = await _api.Post("/api/batch", new { requests = new[] { new { method = "POST", url = "/api/collections/demo2/records", body = new { title = "refuse" } } } });
        Assert.Equal(400, refused.Status);
        Assert.Equal("Refused by a hook.", refused.Str("message"));

        var rewritten = await _api.Post("/api/batch", new { requests = new[] { new { method = "POST", url = "/api/collections/demo2/records", body = new { title = "rewrite-me" } } } });
        Assert.Equal(200, rewritten.Status);
        Assert.Equal("rewritten", (string?)rewritten.Body![0]!["body"]!["title"]);
    }
}
