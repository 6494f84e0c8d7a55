using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Satchel.Plugins;
using Satchel.Plugins.RealtimeSse;
using Satchel.Realtime;
using Satchel.Tests.Auth;
using Satchel.Tests.Support;

namespace Satchel.Tests.Realtime;

/// <summary>
/// An in-process server over a copy of the fixture with the realtime-sse plugin, one per test
/// (xunit builds the test class per test), with helpers for collections, records and SSE clients.
/// </summary>
public abstract class RealtimeTestServer : IAsyncLifetime
{
    protected TestServer Server { get; private set; } = null!;

    protected IRealtimeBroker Broker => Server.Services.GetRequiredService<IRealtimeBroker>();

    protected string BaseUrl => Server.Client.BaseAddress!.ToString().TrimEnd('/');

    protected const string Superuser = FixtureAuth.SuperuserToken;
    protected const string User = FixtureAuth.UserToken;
    protected const string UserId = FixtureAuth.UserId;
    protected const string ClientAuth = FixtureAuth.ClientToken;

    private readonly List<SseTestClient> _clients = new();
    private bool _stopped;

    public async Task InitializeAsync()
    {
        Server = await TestServer.StartAsync(plugins: new[]
        {
            new LoadedPlugin(new PluginEntry("realtime-sse", true, null, null), new RealtimeSsePlugin(), null),
        });
    }

    public async Task DisposeAsync()
    {
        foreach (var c in _clients) await c.DisposeAsync();
        if (!_stopped) await Server.DisposeAsync();
    }

    /// <summary>Shuts the server down (graceful stop, as on SIGTERM).</summary>
    protected Task StopServerAsync()
    {
        _stopped = true;
        return Server.DisposeAsync().AsTask();
    }

    protected async Task<SseTestClient> ConnectAsync()
    {
        var client = await SseTestClient.ConnectAsync(BaseUrl);
        _clients.Add(client);
        return client;
    }

    /// <summary>A connected client subscribed (with the token's auth) to the topics.</summary>
    protected async Task<SseTestClient> SubscribedAsync(string? token, params string[] topics)
    {
        var client = await ConnectAsync();
        var (status, body) = await client.SubscribeAsync(token, topics);
        Assert.True(status == 204, $"subscribe answered {status}: {body}");
        return client;
    }

    protected async Task<JsonObject> SendAsync(HttpMethod method, string url, object? body, string? token = Superuser, int expect = 200)
    {
        var (status, json) = await Server.SendAsync(method, url, token, body);
        Assert.True(status == expect, $"{method} {url} answered {status}: {json?.ToJsonString()}");
        return json as JsonObject ?? new JsonObject();
    }

    protected Task<JsonObject> CreateCollectionAsync(string json) => SendAsync(HttpMethod.Post, "/api/collections", json);

    protected Task<JsonObject> CreateAsync(string collection, object body, string? token = Superuser)
        => SendAsync(HttpMethod.Post, $"/api/collections/{collection}/records", body, token);

    protected Task<JsonObject> UpdateAsync(string collection, string id, object body, string? token = Superuser)
        => SendAsync(HttpMethod.Patch, $"/api/collections/{collection}/records/{id}", body, token);

    protected Task DeleteAsync(string collection, string id, string? token = Superuser)
        => SendAsync(HttpMethod.Delete, $"/api/collections/{collection}/records/{id}", null, token, expect: 204);

    /// <summary>Waits until the broker has <paramref name="count"/> clients.</summary>
    protected async Task WaitForClientsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (Broker.TotalClients != count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"expected {count} realtime clients, the broker has {Broker.TotalClients}");
            await Task.Delay(20);
        }
    }
}
