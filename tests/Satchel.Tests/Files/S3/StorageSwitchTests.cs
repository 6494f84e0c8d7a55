using System.Net;
using System.Text.Json.Nodes;
using Satchel.Tests.Records;

namespace Satchel.Tests.Files.S3;

/// <summary>Switching between local storage and S3 (and between buckets and keys) by PATCHing the settings of a running server.</summary>
public sealed class StorageSwitchTests(S3Satchel fx) : IClassFixture<S3Satchel>
{
    private async Task<(string Id, string Name)> CreateWithFile(string text)
    {
        var form = RecordsApi.Form(("title", "switch"));
        RecordsApi.AddFile(form, "files", text + ".txt", text);
        var created = await fx.Api.Post(Fixture.List("demo3"), form, Fixture.Superuser);
        Assert.True(created.Status == 200, created.ToString());
        return (created.Str("id")!, created.Json["files"]![0]!.GetValue<string>());
    }

    private static string Key((string Id, string Name) file) => FilesServer.RecordDir(FileFixture.Demo3Id, file.Id) + file.Name;

    private async Task<(HttpStatusCode Status, string Body)> Download((string Id, string Name) file)
    {
        using var res = await fx.Server.Client.GetAsync($"/api/files/demo3/{file.Id}/{file.Name}");
        return (res.StatusCode, await res.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Uploads_and_downloads_follow_the_storage_settings_at_run_time()
    {
        var local = await CreateWithFile("local");
        Assert.True(await fx.Local.ExistsAsync(Key(local)));
        Assert.False(await fx.Bucket().ExistsAsync(Key(local)));

        await fx.Settings(new { s3 = fx.S3.SettingsJson() });
        var inS3 = await CreateWithFile("in-s3");
        Assert.Equal("in-s3", await fx.Bucket().ReadTextAsync(Key(inS3)));
        Assert.False(await fx.Local.RemainsAsync(Key(inS3)));
        Assert.Equal((HttpStatusCode.OK, "in-s3"), await Download(inS3));
        // files are not migrated: the local one isn't in the bucket
        Assert.Equal(HttpStatusCode.NotFound, (await Download(local)).Status);

        // another bucket: a new client from the changed settings
        await fx.Raw.PutBucketAsync("second-bucket");
        await fx.Settings(new { s3 = new { bucket = "second-bucket" } });
        var second = await CreateWithFile("second");
        Assert.Equal("second", await fx.Bucket("second-bucket").ReadTextAsync(Key(second)));
        Assert.False(await fx.Bucket().ExistsAsync(Key(second)));
        Assert.Equal((HttpStatusCode.OK, "second"), await Download(second));

        await fx.Settings(new { s3 = new { enabled = false } });
        Assert.Equal((HttpStatusCode.OK, "local"), await Download(local));
        Assert.Equal(HttpStatusCode.NotFound, (await Download(second)).Status);
        var back = await CreateWithFile("back");
        Assert.True(await fx.Local.ExistsAsync(Key(back)));
    }

    [Fact]
    public async Task Changed_credentials_take_effect_without_a_restart()
    {
        await fx.Settings(new { s3 = fx.S3.SettingsJson(secret: "wrong-secret") });
        var form = RecordsApi.Form(("title", "refused"));
        RecordsApi.AddFile(form, "files", "a.txt", "a");
        var refused = await fx.Api.Post(Fixture.List("demo3"), form, Fixture.Superuser);
        Assert.Equal(400, refused.Status);
        Assert.Equal("Failed to upload the submitted files.", refused.Str("message"));

        await fx.Settings(new { s3 = fx.S3.SettingsJson() });
        var accepted = await CreateWithFile("accepted");
        Assert.Equal("accepted", await fx.Bucket().ReadTextAsync(Key(accepted)));
        await fx.Settings(new { s3 = new { enabled = false } });
    }
}
