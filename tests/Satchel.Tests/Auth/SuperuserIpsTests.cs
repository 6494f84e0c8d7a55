using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Satchel.Tests.Support;

namespace Satchel.Tests.Auth;

/// <summary>The superuserIPs setting over real HTTP: superusers are accepted only from the listed (real) client addresses.</summary>
public sealed class SuperuserIpsTests : IAsyncLifetime
{
    private const string Forbidden = """{"data":{},"message":"You are not allowed to perform this request.","status":403}""";
    private const string ProtectedPng = "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png";
    private const string AllowedIp = "10.9.9.9";
    private RunningServer _server = null!;

    public async Task InitializeAsync() => _server = await RunningServer.StartAsync(new ServerOptions
    {
        FromFixture = true,
        Plugins = new PluginsFile().AddHostPlugin("auth-password").AddHostPlugin("files-local"),
    });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    private async Task<(int Status, string Body)> Send(HttpMethod method, string url, string? token = null, string? json = null, string? realIp = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue(token);
        if (json != null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        if (realIp != null) request.Headers.TryAddWithoutValidation("X-Real-IP", realIp);
        using var response = await _server.Client.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Superusers_are_refused_outside_the_list_on_every_path()
    {
        var fileToken = await Send(HttpMethod.Post, "/api/files/token", FixtureAuth.SuperuserToken);
        var superuserFileToken = JsonNode.Parse(fileToken.Body)!["token"]!.GetValue<string>();

        var patch = await Send(HttpMethod.Patch, "/api/settings", FixtureAuth.SuperuserToken,
            """{"superuserIPs":["10.9.9.9"],"trustedProxy":{"headers":["X-Real-IP"],"useLeftmostIP":false}}""");
        Assert.True(patch.Status == 200, patch.Body);

        // Any route, with a valid superuser token, from an address not on the list.
        Assert.Equal((403, Forbidden), await Send(HttpMethod.Get, "/api/collections", FixtureAuth.SuperuserToken));
        Assert.Equal((403, Forbidden), await Send(HttpMethod.Get, "/api/collections/users/records", FixtureAuth.SuperuserToken));
        // The address is the real one: the trusted proxy header names it.
        Assert.Equal(200, (await Send(HttpMethod.Get, "/api/collections", FixtureAuth.SuperuserToken, realIp: AllowedIp)).Status);
        Assert.Equal((403, Forbidden), await Send(HttpMethod.Get, "/api/collections", FixtureAuth.SuperuserToken, realIp: "10.9.9.8"));

        // Signing in as a superuser.
        const string credentials = """{"identity":"test@example.com","password":"1234567890"}""";
        Assert.Equal(403, (await Send(HttpMethod.Post, "/api/collections/_superusers/auth-with-password", json: credentials)).Status);
        Assert.Equal(200, (await Send(HttpMethod.Post, "/api/collections/_superusers/auth-with-password", json: credentials, realIp: AllowedIp)).Status);

        // A superuser's file token counts as no token outside the list (demo1 is viewable by superusers only).
        Assert.Equal(404, (await Send(HttpMethod.Get, ProtectedPng + "?token=" + superuserFileToken)).Status);
        Assert.Equal(200, (await Send(HttpMethod.Get, ProtectedPng + "?token=" + superuserFileToken, realIp: AllowedIp)).Status);

        // Other auth records are not affected.
        Assert.Equal(200, (await Send(HttpMethod.Get, "/api/collections/demo2/records", FixtureAuth.UserToken)).Status);
    }

    [Fact]
    public async Task Health_shows_superusers_the_real_ip_and_a_proxy_header()
    {
        var patch = await Send(HttpMethod.Patch, "/api/settings", FixtureAuth.SuperuserToken,
            """{"trustedProxy":{"headers":["X-Real-IP"],"useLeftmostIP":false}}""");
        Assert.True(patch.Status == 200, patch.Body);

        var health = JsonNode.Parse((await Send(HttpMethod.Get, "/api/health", FixtureAuth.SuperuserToken, realIp: "10.1.2.3")).Body)!;
        Assert.Equal("10.1.2.3", health["data"]!["realIP"]!.GetValue<string>());
        Assert.Equal("X-Real-IP", health["data"]!["possibleProxyHeader"]!.GetValue<string>());

        var direct = JsonNode.Parse((await Send(HttpMethod.Get, "/api/health", FixtureAuth.SuperuserToken)).Body)!;
        Assert.Equal("127.0.0.1", direct["data"]!["realIP"]!.GetValue<string>());
        Assert.Equal("", direct["data"]!["possibleProxyHeader"]!.GetValue<string>());
    }
}
