using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Satchel.Tests.Support;
using static Satchel.Tests.Settings.SettingsHttp;

namespace Satchel.Tests.RateLimit;

/// <summary>A server on a copy of the fixture with a plugin whose routes declare rate limit tags.</summary>
public sealed class RateLimitServer : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await RunningServer.StartAsync(new ServerOptions
    {
        FromFixture = true,
        Plugins = new PluginsFile().AddHostPlugin("auth-password").AddTestPlugin("ratelimit-routes"),
    });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>The rate limiter over real HTTP: rules from the settings API, tags declared by plugin routes.</summary>
public sealed class RateLimitHttpTests(RateLimitServer fixture) : IClassFixture<RateLimitServer>
{
    private const string TooMany = """{"data":{},"message":"Too Many Requests.","status":429}""";

    private HttpClient Client => fixture.Server.Client;

    private async Task ConfigureAsync(string rateLimits, string trustedProxy = """{"headers":[],"useLeftmostIP":false}""")
    {
        var (status, body) = await SendAsync(Client, HttpMethod.Patch, "/api/settings", SuperuserToken,
            $$"""{"rateLimits":{{rateLimits}},"trustedProxy":{{trustedProxy}}}""");
        Assert.True(status == 200, body?.ToJsonString());
    }

    private async Task<(int Status, string Body)> RawAsync(HttpMethod method, string url, string? token = null, string? json = null,
        params (string Name, string Value)[] headers)
    {
        using var req = new HttpRequestMessage(method, url);
        if (token != null) req.Headers.Authorization = new AuthenticationHeaderValue(token);
        if (json != null) req.Content = new StringContent(json, Encoding.UTF8, "application/json");
        foreach (var (name, value) in headers) req.Headers.TryAddWithoutValidation(name, value);
        using var res = await Client.SendAsync(req);
        return ((int)res.StatusCode, await res.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/api/collections/users/auth-with-password")]
    [InlineData("/api/collections/users/probe-auth")]
    public async Task A_thousand_wrong_sign_ins_are_stopped_by_the_limiter(string url)
    {
        // The fixture's rules (PocketBase's defaults): *:auth allows 2 attempts per 3 seconds.
        await ConfigureAsync("""
            {"enabled":true,"excludedIPs":[],"rules":[
              {"label":"*:auth","audience":"","duration":3,"maxRequests":2},
              {"label":"*:create","audience":"","duration":5,"maxRequests":20},
              {"label":"/api/batch","audience":"","duration":1,"maxRequests":3},
              {"label":"/api/","audience":"","duration":10,"maxRequests":300}]}
            """);

        var clock = Stopwatch.StartNew();
        var counts = new Dictionary<int, int>();
        string? tooManyBody = null;
        for (var i = 0; i < 1000; i++)
        {
            var (status, body) = await RawAsync(HttpMethod.Post, url, json: $$"""{"identity":"test@example.com","password":"wrong{{i}}"}""");
            counts[status] = counts.GetValueOrDefault(status) + 1;
            if (status == 429) tooManyBody ??= body;
        }
        var windows = (int)Math.Ceiling(clock.Elapsed.TotalSeconds / 3) + 1;

        Assert.Equal(new[] { 400, 429 }, counts.Keys.Order());
        Assert.InRange(counts[400], 2, 2 * windows);
        Assert.Equal(1000 - counts[400], counts[429]);
        Assert.Equal(TooMany, tooManyBody);

        // The path rule "/api/" (300 per 10s) still lets the same client use untagged routes.
        Assert.Equal(200, (await RawAsync(HttpMethod.Get, "/api/health")).Status);
    }

    [Theory]
    [InlineData("GET", "/api/collections/nologin/auth-methods", "*:listAuthMethods", null)]
    [InlineData("POST", "/api/collections/users/auth-refresh", "users:authRefresh", UserToken)]
    [InlineData("POST", "/api/collections/users/auth-with-password", "*:authWithPassword", null)]
    public async Task Auth_routes_declare_PocketBases_tags(string method, string url, string label, string? token)
    {
        await ConfigureAsync($$"""
            {"enabled":true,"excludedIPs":[],"rules":[
              {"label":"/api/","duration":60,"maxRequests":100},
              {"label":"{{label}}","duration":60,"maxRequests":1}]}
            """);

        var first = await RawAsync(new HttpMethod(method), url, token, method == "POST" ? "{}" : null);
        Assert.NotEqual(429, first.Status);
        var second = await RawAsync(new HttpMethod(method), url, token, method == "POST" ? "{}" : null);
        Assert.Equal(429, second.Status);
        Assert.Equal(TooMany, second.Body);
    }

    [Fact]
    public async Task The_429_answer_is_PocketBases_body_and_the_window_resets()
    {
        await ConfigureAsync("""{"enabled":true,"excludedIPs":[],"rules":[{"label":"/probe-rl/ok","duration":1,"maxRequests":2}]}""");

        Assert.Equal(200, (await RawAsync(HttpMethod.Get, "/probe-rl/ok")).Status);
        Assert.Equal(200, (await RawAsync(HttpMethod.Get, "/probe-rl/ok")).Status);
        var (status, body) = await RawAsync(HttpMethod.Get, "/probe-rl/ok");
        Assert.Equal(429, status);
        Assert.Equal(TooMany, body);

        await Task.Delay(TimeSpan.FromSeconds(1.1));
        Assert.Equal(200, (await RawAsync(HttpMethod.Get, "/probe-rl/ok")).Status);
    }

    [Fact]
    public async Task Tag_rules_of_the_collection_win_over_wildcard_tags_and_paths()
    {
        await ConfigureAsync("""
            {"enabled":true,"excludedIPs":[],"rules":[
              {"label":"/api/","duration":60,"maxRequests":100},
              {"label":"*:auth","duration":60,"maxRequests":100},
              {"label":"users:probeAuth","duration":60,"maxRequests":1}]}
            """);

        Assert.Equal(400, (await RawAsync(HttpMethod.Post, "/api/collections/users/probe-auth", json: "{}")).Status);
        Assert.Equal(429, (await RawAsync(HttpMethod.Post, "/api/collections/users/probe-auth", json: "{}")).Status);
        // Another collection only matches the wildcard rule.
        Assert.Equal(400, (await RawAsync(HttpMethod.Post, "/api/collections/clients/probe-auth", json: "{}")).Status);
        Assert.Equal(400, (await RawAsync(HttpMethod.Post, "/api/collections/clients/probe-auth", json: "{}")).Status);
    }

    [Fact]
    public async Task Guest_rules_leave_authenticated_clients_to_the_general_rule()
    {
        await ConfigureAsync("""
            {"enabled":true,"excludedIPs":[],"rules":[
              {"label":"/probe-rl/ok","audience":"@guest","duration":60,"maxRequests":1},
              {"label":"/probe-rl/","duration":60,"maxRequests":3}]}
            """);

        Assert.Equal(200, (await RawAsync(HttpMethod.Get, "/probe-rl/ok")).Status);
        Assert.Equal(429, (await RawAsync(HttpMethod.Get, "/probe-rl/ok")).Status);
        for (var i = 0; i < 3; i++) Assert.Equal(200, (await RawAsync(HttpMethod.Get, "/probe-rl/ok", UserToken)).Status);
        Assert.Equal(429, (await RawAsync(HttpMethod.Get, "/probe-rl/ok", UserToken)).Status);
    }

    [Fact]
    public async Task Superusers_and_excluded_ips_are_not_limited()
    {
        await ConfigureAsync("""{"enabled":true,"excludedIPs":[],"rules":[{"label":"/probe-rl/ok","duration":60,"maxRequests":1}]}""");
        for (var i = 0; i < 5; i++) Assert.Equal(200, (await RawAsync(HttpMethod.Get, "/probe-rl/ok", SuperuserToken)).Status);

        await ConfigureAsync("""{"enabled":true,"excludedIPs":["127.0.0.0/8"],"rules":[{"label":"/probe-rl/ok","duration":60,"maxRequests":1}]}""");
        for (var i = 0; i < 5; i++) Assert.Equal(200, (await RawAsync(HttpMethod.Get, "/probe-rl/ok")).Status);
    }

    [Fact]
    public async Task Proxy_headers_count_only_when_trusted()
    {
        const string rules = """{"enabled":true,"excludedIPs":[],"rules":[{"label":"/probe-rl/ok","duration":60,"maxRequests":1}]}""";

        // Untrusted: the header is ignored and every request is 127.0.0.1.
        await ConfigureAsync(rules);
        Assert.Equal(200, (await RawAsync(HttpMethod.Get, "/probe-rl/ok", headers: ("X-Forwarded-For", "1.1.1.1"))).Status);
        Assert.Equal(429, (await RawAsync(HttpMethod.Get, "/probe-rl/ok", headers: ("X-Forwarded-For", "2.2.2.2"))).Status);

        await ConfigureAsync(rules, """{"headers":["X-Forwarded-For"],"useLeftmostIP":false}""");
        Assert.Equal(200, (await RawAsync(HttpMethod.Get, "/probe-rl/ok", headers: ("X-Forwarded-For", "9.9.9.9, 1.1.1.1"))).Status);
        Assert.Equal(429, (await RawAsync(HttpMethod.Get, "/probe-rl/ok", headers: ("X-Forwarded-For", "8.8.8.8, 1.1.1.1"))).Status);
        Assert.Equal(200, (await RawAsync(HttpMethod.Get, "/probe-rl/ok", headers: ("X-Forwarded-For", "1.1.1.1, 2.2.2.2"))).Status);

        await ConfigureAsync(rules, """{"headers":["X-Forwarded-For"],"useLeftmostIP":true}""");
        Assert.Equal(200, (await RawAsync(HttpMethod.Get, "/probe-rl/ok", headers: ("X-Forwarded-For", "3.3.3.3, 1.1.1.1"))).Status);
        Assert.Equal(429, (await RawAsync(HttpMethod.Get, "/probe-rl/ok", headers: ("X-Forwarded-For", "3.3.3.3, 2.2.2.2"))).Status);
    }

    [Fact]
    public async Task Turning_the_limiter_off_applies_at_once()
    {
        await ConfigureAsync("""{"enabled":true,"excludedIPs":[],"rules":[{"label":"/probe-rl/ok","duration":60,"maxRequests":1}]}""");
        Assert.Equal(200, (await RawAsync(HttpMethod.Get, "/probe-rl/ok")).Status);
        Assert.Equal(429, (await RawAsync(HttpMethod.Get, "/probe-rl/ok")).Status);

        await ConfigureAsync("""{"enabled":false,"excludedIPs":[],"rules":[{"label":"/probe-rl/ok","duration":60,"maxRequests":1}]}""");
        for (var i = 0; i < 3; i++) Assert.Equal(200, (await RawAsync(HttpMethod.Get, "/probe-rl/ok")).Status);
    }
}
