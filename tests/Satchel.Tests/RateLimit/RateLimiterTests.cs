using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Satchel.Errors;
using Satchel.Http;
using Satchel.Http.RateLimit;
using Satchel.Settings;
using Satchel.Tests.Settings;

namespace Satchel.Tests.RateLimit;

/// <summary>The limiter over the app settings: who is skipped, how rules and counters follow the settings.</summary>
public sealed class RateLimiterTests : IDisposable
{
    private readonly SettingsTestApp _t = SettingsTestApp.FromFixture();
    private readonly ManualClock _clock = new();
    private readonly RateLimiter _limiter;

    public RateLimiterTests() => _limiter = new RateLimiter(_t.App, _clock);

    private void Configure(Action<AppSettings> change)
    {
        var s = _t.App.Settings;
        s.RateLimits.Enabled = true;
        change(s);
        _t.App.SaveSettings(s);
    }

    private static RateLimitRule Rule(string label, int max, long duration = 10, string audience = "")
        => new() { Label = label, MaxRequests = max, Duration = duration, Audience = audience };

    private HttpContext Request(string method, string path, string ip = "10.0.0.1", string? authEmail = null, string? authCollection = "users",
        string? routePattern = null)
    {
        var http = new DefaultHttpContext();
        http.Request.Method = method;
        http.Request.Path = path;
        http.Connection.RemoteIpAddress = IPAddress.Parse(ip);
        if (authEmail != null) http.SetAuth(_t.App.FindAuthRecordByEmail(authCollection!, authEmail));
        if (routePattern != null)
            http.SetEndpoint(new RouteEndpoint(_ => Task.CompletedTask, RoutePatternFactory.Parse(routePattern), 0, EndpointMetadataCollection.Empty, routePattern));
        return http;
    }

    private static int Status(Action check)
    {
        try { check(); return 200; }
        catch (ApiException e) { return e.Status; }
    }

    [Fact]
    public void Over_the_limit_is_PocketBases_429()
    {
        Configure(s => s.RateLimits.Rules = new() { Rule("/api/", 1) });
        _limiter.CheckPath(Request("GET", "/api/health"));
        var e = Assert.Throws<ApiException>(() => _limiter.CheckPath(Request("GET", "/api/health")));
        Assert.Equal(429, e.Status);
        Assert.Equal("Too Many Requests.", e.Message);
        Assert.Empty(e.Data);
    }

    [Fact]
    public void Nothing_is_limited_while_disabled()
    {
        Configure(s => { s.RateLimits.Rules = new() { Rule("/api/", 1) }; s.RateLimits.Enabled = false; });
        for (var i = 0; i < 5; i++) _limiter.CheckPath(Request("GET", "/api/health"));
    }

    [Fact]
    public void Superusers_and_excluded_ips_are_never_limited()
    {
        Configure(s =>
        {
            s.RateLimits.Rules = new() { Rule("/api/", 1) };
            s.RateLimits.ExcludedIPs = new() { "192.168.0.0/16" };
        });
        for (var i = 0; i < 5; i++)
        {
            _limiter.CheckPath(Request("GET", "/api/x", authEmail: "test@example.com", authCollection: "_superusers"));
            _limiter.CheckPath(Request("GET", "/api/x", ip: "192.168.4.4"));
        }
        _limiter.CheckPath(Request("GET", "/api/x"));
        Assert.Equal(429, Status(() => _limiter.CheckPath(Request("GET", "/api/x"))));
    }

    [Fact]
    public void Audience_rules_apply_to_guests_or_to_authenticated_clients()
    {
        Configure(s => s.RateLimits.Rules = new() { Rule("/api/", 100), Rule("/api/x", 1, audience: "@guest") });
        _limiter.CheckPath(Request("GET", "/api/x"));
        Assert.Equal(429, Status(() => _limiter.CheckPath(Request("GET", "/api/x"))));
        // An authenticated client of the same IP falls through to the "/api/" rule.
        for (var i = 0; i < 3; i++) _limiter.CheckPath(Request("GET", "/api/x", authEmail: "test@example.com"));
    }

    [Fact]
    public void Clients_are_counted_by_their_ip()
    {
        Configure(s => s.RateLimits.Rules = new() { Rule("/api/", 1) });
        _limiter.CheckPath(Request("GET", "/api/x", ip: "10.0.0.1"));
        _limiter.CheckPath(Request("GET", "/api/x", ip: "10.0.0.2"));
        Assert.Equal(429, Status(() => _limiter.CheckPath(Request("GET", "/api/x", ip: "10.0.0.1"))));
    }

    [Fact]
    public void Paths_sharing_a_rule_share_its_counter()
    {
        Configure(s => s.RateLimits.Rules = new() { Rule("/api/", 2) });
        _limiter.CheckPath(Request("GET", "/api/a"));
        _limiter.CheckPath(Request("POST", "/api/b"));
        Assert.Equal(429, Status(() => _limiter.CheckPath(Request("GET", "/api/c"))));
    }

    [Fact]
    public void Each_collection_route_keeps_its_own_counter_under_a_shared_tag_rule()
    {
        Configure(s => s.RateLimits.Rules = new() { Rule("*:auth", 1) });
        var users = _t.App.FindCollectionByNameOrId("users")!;
        var clients = _t.App.FindCollectionByNameOrId("clients")!;
        const string password = "/api/collections/{collection}/auth-with-password";
        const string otp = "/api/collections/{collection}/auth-with-otp";

        _limiter.CheckCollection(Request("POST", "/api/collections/users/auth-with-password", routePattern: password), users, "authWithPassword", "auth");
        _limiter.CheckCollection(Request("POST", "/api/collections/users/auth-with-otp", routePattern: otp), users, "authWithOTP", "auth");
        _limiter.CheckCollection(Request("POST", "/api/collections/clients/auth-with-password", routePattern: password), clients, "authWithPassword", "auth");
        Assert.Equal(429, Status(() => _limiter.CheckCollection(
            Request("POST", "/api/collections/users/auth-with-password", routePattern: password), users, "authWithPassword", "auth")));
    }

    [Fact]
    public void A_collection_without_a_matching_tag_rule_falls_back_to_its_path()
    {
        Configure(s => s.RateLimits.Rules = new() { Rule("clients:auth", 100), Rule("/api/collections/", 1) });
        var users = _t.App.FindCollectionByNameOrId("users")!;
        var http = () => Request("POST", "/api/collections/users/auth-with-password", routePattern: "/api/collections/{collection}/auth-with-password");
        _limiter.CheckCollection(http(), users, "authWithPassword", "auth");
        Assert.Equal(429, Status(() => _limiter.CheckCollection(http(), users, "authWithPassword", "auth")));
    }

    [Fact]
    public void A_settings_change_applies_to_the_next_request_with_fresh_counters()
    {
        Configure(s => s.RateLimits.Rules = new() { Rule("/api/", 1) });
        _limiter.CheckPath(Request("GET", "/api/x"));
        Assert.Equal(429, Status(() => _limiter.CheckPath(Request("GET", "/api/x"))));

        Configure(s => s.RateLimits.Rules = new() { Rule("/api/", 3) });
        for (var i = 0; i < 3; i++) _limiter.CheckPath(Request("GET", "/api/x"));
        Assert.Equal(429, Status(() => _limiter.CheckPath(Request("GET", "/api/x"))));

        Configure(s => s.RateLimits.Enabled = false);
        _limiter.CheckPath(Request("GET", "/api/x"));
    }

    [Fact]
    public void A_window_resets_after_its_duration()
    {
        Configure(s => s.RateLimits.Rules = new() { Rule("/api/", 2, duration: 5) });
        _limiter.CheckPath(Request("GET", "/api/x"));
        _limiter.CheckPath(Request("GET", "/api/x"));
        Assert.Equal(429, Status(() => _limiter.CheckPath(Request("GET", "/api/x"))));
        _clock.Advance(TimeSpan.FromSeconds(5));
        _limiter.CheckPath(Request("GET", "/api/x"));
    }

    [Fact]
    public void Trusted_proxy_headers_decide_the_client()
    {
        Configure(s =>
        {
            s.RateLimits.Rules = new() { Rule("/api/", 1) };
            s.TrustedProxy = new TrustedProxySettings { Headers = new() { "X-Real-IP" } };
        });
        HttpContext Via(string ip)
        {
            var http = Request("GET", "/api/x", ip: "10.9.9.9");
            http.Request.Headers["X-Real-IP"] = ip;
            return http;
        }
        _limiter.CheckPath(Via("1.1.1.1"));
        _limiter.CheckPath(Via("2.2.2.2"));
        Assert.Equal(429, Status(() => _limiter.CheckPath(Via("1.1.1.1"))));
        Assert.Equal("2.2.2.2", _limiter.ClientIpOf(Via("2.2.2.2")));
    }

    public void Dispose() => _t.Dispose();
}
