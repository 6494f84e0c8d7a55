using Satchel.Tests.Records;
using static Satchel.Tests.Batch.BatchServer;

namespace Satchel.Tests.Batch;

/// <summary>settings.batch: enabled, maxBodySize.</summary>
public sealed class BatchSettingsTests : IAsyncLifetime
{
    private readonly BatchServer _fx = new();

    public Task InitializeAsync() => _fx.InitializeAsync();
    public Task DisposeAsync() => _fx.DisposeAsync();

    private Task<Answer> Settings(object batch) => _fx.Api.Send(HttpMethod.Patch, "/api/settings",
        new StringContent(System.Text.Json.JsonSerializer.Serialize(new { batch }), System.Text.Encoding.UTF8, "application/json"), Fixture.Superuser);

    [Fact]
    public async Task Disabled_batches_are_forbidden()
    {
        Assert.Equal(200, (await Settings(new { enabled = false, maxRequests = 50, timeout = 5 })).Status);
        var answer = await _fx.Send([Request("POST", "/api/collections/demo2/records", new { title = "never" })]);
        Assert.Equal(403, answer.Status);
        Assert.Equal("Batch requests are not allowed.", answer.Str("message"));
        Assert.Equal("{}", answer.Json["data"]!.ToJsonString());
    }

    [Fact]
    public async Task Bodies_over_maxBodySize_are_too_large()
    {
        Assert.Equal(200, (await Settings(new { enabled = true, maxRequests = 50, timeout = 5, maxBodySize = 200 })).Status);
        var answer = await _fx.Send([Request("POST", "/api/collections/demo2/records", new { title = new string('x', 300) })]);
        Assert.Equal(413, answer.Status);
    }
}
