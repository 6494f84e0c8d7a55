using Satchel.Tests.Support;
using static Satchel.Tests.Records.Fixture;

namespace Satchel.Tests.Records;

/// <summary>The records routes are limited by their collection tags ("demo2:create", "*:list").</summary>
public class RecordRateLimitTests
{
    [Fact]
    public async Task Collection_action_rules_limit_the_records_routes()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
        var api = new RecordsApi(server.Client);
        var settings = await api.Send(HttpMethod.Patch, "/api/settings", new StringContent("""
            {"rateLimits": {"enabled": true, "rules": [
              {"label": "demo2:create", "maxRequests": 1, "duration": 60, "audience": ""},
              {"label": "*:list", "maxRequests": 2, "duration": 60, "audience": "@guest"}
            ]}}
            """, System.Text.Encoding.UTF8, "application/json"), Superuser);
        Assert.True(settings.Status == 200, settings.ToString());

        Assert.Equal(200, (await api.Post(List("demo2"), new { title = "first" })).Status);
        var limited = await api.Post(List("demo2"), new { title = "second" });
        Assert.Equal(429, limited.Status);
        Assert.Empty(limited.Json["data"]!.AsObject());
        // other collections and actions keep their own counters
        Assert.Equal(200, (await api.Post(List("demo5"), new { total = 3 })).Status);

        Assert.Equal(200, (await api.Get(List("demo4"))).Status);
        Assert.Equal(200, (await api.Get(List("demo4"))).Status);
        Assert.Equal(429, (await api.Get(List("demo4"))).Status);
        Assert.Equal(200, (await api.Get(List("demo4"), User)).Status); // the rule is for guests
    }
}
