using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Satchel.Core;
using Satchel.Http;
using Satchel.Plugins;

namespace Satchel.Tests.Support;

/// <summary>
/// The real HTTP server, in process, on a free 127.0.0.1 port over a copy of the fixture (or a
/// fresh pb_data), with helpers for tokens and JSON requests. Dispose stops it and deletes the data.
/// </summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly TestDataDir _dir;
    private readonly WebApplication _web;

    public SatchelApp App { get; }
    public HttpClient Client { get; }

    /// <summary>The server's container (e.g. to resolve services plugins use).</summary>
    public IServiceProvider Services => _web.Services;

    private TestServer(TestDataDir dir, SatchelApp app, WebApplication web, string baseUrl)
    {
        _dir = dir;
        App = app;
        _web = web;
        Client = new HttpClient { BaseAddress = new Uri(baseUrl) };
    }

    public static async Task<TestServer> StartAsync(bool fixture = true, IReadOnlyList<LoadedPlugin>? plugins = null)
    {
        var dir = fixture ? TestDataDir.FixtureCopy() : TestDataDir.Empty();
        var app = new SatchelApp(dir.Path, isDev: false);
        app.Bootstrap();
        var web = SatchelServer.Build(app, plugins ?? Array.Empty<LoadedPlugin>(), new ServeOptions { Http = "127.0.0.1:0", Dir = dir.Path });
        await web.StartAsync();
        var address = web.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new TestServer(dir, app, web, address);
    }

    /// <summary>An auth token of the fixture's superuser test@example.com.</summary>
    public string SuperuserToken() => TokenFor("_superusers", "test@example.com");

    /// <summary>An auth token of the fixture's regular user test@example.com.</summary>
    public string UserToken() => TokenFor("users", "test@example.com");

    public string TokenFor(string collection, string email)
    {
        var record = App.FindAuthRecordByEmail(collection, email) ?? throw new InvalidOperationException($"no {email} in {collection}");
        return App.Tokens.NewAuthToken(record);
    }

    public async Task<(int Status, JsonNode? Body)> SendAsync(HttpMethod method, string url, string? token = null, object? json = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue(token);
        if (json != null)
        {
            var text = json as string ?? System.Text.Json.JsonSerializer.Serialize(json);
            request.Content = new StringContent(text, Encoding.UTF8, "application/json");
        }
        using var response = await Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, string.IsNullOrWhiteSpace(body) ? null : JsonNode.Parse(body));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _web.StopAsync();
        await _web.DisposeAsync();
        App.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
