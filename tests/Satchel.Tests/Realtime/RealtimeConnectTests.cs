using System.Text.Json.Nodes;
using Satchel.Realtime;

namespace Satchel.Tests.Realtime;

/// <summary>GET /api/realtime: the stream, its first message, its lifetime and the connect/message hooks.</summary>
public class RealtimeConnectTests : RealtimeTestServer
{
    [Fact]
    public async Task The_stream_starts_with_PB_CONNECT_carrying_the_client_id()
    {
        await using var client = await SseTestClient.ConnectAsync(BaseUrl);

        Assert.Equal("text/event-stream", client.Response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-store", client.Response.Headers.CacheControl?.ToString());
        Assert.Matches("^[A-Za-z0-9]{40}$", client.ClientId);
        Assert.NotNull(Broker.ClientById(client.ClientId));
    }

    [Fact]
    public async Task A_closed_connection_unregisters_its_client()
    {
        var client = await SseTestClient.ConnectAsync(BaseUrl);
        await WaitForClientsAsync(1);
        await client.DisposeAsync();
        await WaitForClientsAsync(0);
    }

    [Fact]
    public async Task A_client_that_receives_nothing_for_the_idle_timeout_is_disconnected()
    {
        Server.App.Hooks.OnRealtimeConnectRequest.Bind(e =>
        {
            e.IdleTimeout = TimeSpan.FromMilliseconds(700);
            e.Next();
        });
        var quiet = await ConnectAsync();
        var busy = await SubscribedAsync(null, "tick");

        // Messages keep the busy one alive past the timeout.
        for (var i = 0; i < 8; i++)
        {
            await Task.Delay(200);
            Broker.SendToSubscribers(new RealtimeMessage("tick", i.ToString()));
            await busy.NextAsync();
        }

        Assert.True(quiet.Closed.Task.IsCompleted, "the idle client is still connected");
        Assert.False(busy.Closed.Task.IsCompleted, "the busy client was disconnected");
        await busy.Closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Connect_hook_code_after_next_runs_once_the_client_disconnects()
    {
        var disconnected = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        Server.App.Hooks.OnRealtimeConnectRequest.Bind(e =>
        {
            e.Next();
            disconnected.TrySetResult(e.Client.Id);
        });

        var client = await SseTestClient.ConnectAsync(BaseUrl);
        var id = client.ClientId;
        await Task.Delay(200);
        Assert.False(disconnected.Task.IsCompleted);

        await client.DisposeAsync();
        Assert.Equal(id, await disconnected.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_connect_hook_can_reject_the_connection_with_an_api_error()
    {
        Server.App.Hooks.OnRealtimeConnectRequest.Bind(_ => throw Satchel.Errors.ApiException.Forbidden("no realtime for you"));
        var (status, body) = await Server.SendAsync(HttpMethod.Get, "/api/realtime");
        Assert.Equal(403, status);
        Assert.Equal("no realtime for you", body!["message"]!.GetValue<string>());
        Assert.Equal(0, Broker.TotalClients);
    }

    [Fact]
    public async Task Message_send_hook_can_rewrite_or_skip_messages()
    {
        Server.App.Hooks.OnRealtimeMessageSend.Bind(e =>
        {
            if (e.Message.Data == "skip") return;
            if (e.Message.Name == "t") e.Message.Data = "rewritten " + e.Message.Data;
            e.Next();
        });
        var client = await SubscribedAsync(null, "t");

        Broker.SendToSubscribers(new RealtimeMessage("t", "skip"));
        Broker.SendToSubscribers(new RealtimeMessage("t", "1"));

        Assert.Equal("rewritten 1", (await client.NextAsync()).Data);
    }

    [Fact]
    public async Task A_failing_message_send_hook_closes_the_connection()
    {
        Server.App.Hooks.OnRealtimeMessageSend.Bind(e =>
        {
            if (e.Message.Name == "boom") throw new InvalidOperationException("failed");
            e.Next();
        });
        var client = await SubscribedAsync(null, "boom");
        Broker.SendToSubscribers(new RealtimeMessage("boom", "{}"));
        await client.Closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await WaitForClientsAsync(0);
    }

    [Fact]
    public async Task Shutdown_ends_every_stream_promptly()
    {
        var clients = new List<SseTestClient>();
        for (var i = 0; i < 5; i++) clients.Add(await ConnectAsync());

        var stopping = StopServerAsync();
        foreach (var c in clients) await c.Closed.Task.WaitAsync(TimeSpan.FromSeconds(5));
        await stopping.WaitAsync(TimeSpan.FromSeconds(10));
    }
}
