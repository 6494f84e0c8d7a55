using System.Net;
using Satchel.Tests.Records;
using Satchel.Tests.Support;

namespace Satchel.Tests.Files;

/// <summary>With the thumbs plugin disabled, thumb requests get the original (stored thumbs are still served).</summary>
public sealed class ThumbsDisabledTests : IAsyncLifetime
{
    private RunningServer _server = null!;
    private RecordsApi _api = null!;

    public async Task InitializeAsync()
    {
        var plugins = new PluginsFile()
            .AddHostPlugin("files-local")
            .Add("thumbs", enabled: false);
        _server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true, Plugins = plugins });
        _api = new RecordsApi(_server.Client);
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Thumb_requests_get_the_original_and_nothing_is_generated()
    {
        var png = TestImages.Halves(300, 200, SkiaSharp.SKEncodedImageFormat.Png);
        var form = RecordsApi.Form(("title", "no thumbs"));
        form.Add(TestImages.Part(png, "image/png"), "files", "photo.png");
        var created = await _api.Post(Fixture.List("demo3"), form, Fixture.Superuser);
        Assert.Equal(200, created.Status);
        var id = created.Str("id")!;
        var name = created.Json["files"]![0]!.GetValue<string>();

        using var res = await _server.Client.GetAsync($"/api/files/demo3/{id}/{name}?thumb=100x100");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal(png, await res.Content.ReadAsByteArrayAsync());
        Assert.Equal($"inline; filename={name}", string.Join(",", res.Content.Headers.GetValues("Content-Disposition")));
        Assert.False(Directory.Exists(Path.Combine(_server.DataDir, "storage", FileFixture.Demo3Id, id, "thumbs_" + name)));
    }

    [Fact]
    public async Task Thumbs_PocketBase_stored_are_still_served()
    {
        using var res = await _server.Client.GetAsync("/api/files/users/4q1xlclmfloku33/300_1SEi6Q6U72.png?thumb=70x50t");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Contains("filename=70x50t_300_1SEi6Q6U72.png", string.Join(",", res.Content.Headers.GetValues("Content-Disposition")));
    }
}
