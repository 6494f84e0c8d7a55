using System.Net;
using Satchel.Tests.Records;
using Satchel.Tests.Support;

namespace Satchel.Tests.Files;

/// <summary>Without the files-local plugin there is no storage: uploads are refused, downloads not found.</summary>
public sealed class FilesDisabledTests : IAsyncLifetime
{
    private RunningServer _server = null!;
    private RecordsApi _api = null!;

    public async Task InitializeAsync()
    {
        var plugins = new PluginsFile()
            .Add("auth-password", true, Path.Combine(RepoPaths.HostDir, "plugins", "auth-password", "auth-password.dll"))
            .Add("files-local", enabled: false);
        _server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true, Plugins = plugins });
        _api = new RecordsApi(_server.Client);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Uploads_are_refused_with_a_clear_400()
    {
        var form = RecordsApi.Form(("title", "no storage"));
        RecordsApi.AddFile(form, "files", "a.txt", "a");
        var answer = await _api.Post(Fixture.List("demo3"), form, Fixture.Superuser);

        Assert.Equal(400, answer.Status);
        Assert.Contains("no file storage", answer.Str("message"));
        var count = DataDb.Query(_server.DataDir, c => Dapper.SqlMapper.ExecuteScalar<long>(c, "SELECT count(*) FROM demo3 WHERE title = 'no storage'"));
        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Records_without_files_still_save()
    {
        var answer = await _api.Post(Fixture.List("demo3"), new { title = "plain" }, Fixture.Superuser);
        Assert.Equal(200, answer.Status);
    }

    [Fact]
    public async Task Downloads_are_not_found()
    {
        using var res = await _server.Client.GetAsync("/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png");
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
    }
}
