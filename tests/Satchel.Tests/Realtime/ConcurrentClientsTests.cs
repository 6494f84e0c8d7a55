using System.Net.Sockets;
using System.Text;
using Satchel.Realtime;

namespace Satchel.Tests.Realtime;

/// <summary>Many clients at once, and a client too slow to read its stream.</summary>
public class ConcurrentClientsTests : RealtimeTestServer
{
    [Fact]
    public async Task Two_hundred_concurrent_clients_each_receive_every_event_in_order()
    {
        const int count = 200;
        var tokens = new[] { null, User, ClientAuth, Superuser };
        var clients = await Task.WhenAll(Enumerable.Range(0, count).Select(i => SubscribedAsync(tokens[i % tokens.Length], "demo2/*")));
        await WaitForClientsAsync(count);

        var ids = new List<string>();
        for (var i = 0; i < 3; i++) ids.Add((await CreateAsync("demo2", new { title = "concurrent " + i }))["id"]!.GetValue<string>());

        await Task.WhenAll(clients.Select(async c =>
        {
            for (var i = 0; i < 3; i++)
            {
                var e = await c.NextAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(ids[i], e.Json!["record"]!["id"]!.GetValue<string>());
            }
        }));
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_dropped_without_holding_up_the_others()
    {
        var reader = await SubscribedAsync(null, "flood");

        // A raw connection that subscribes and then never reads its stream.
        using var stalled = new TcpClient { ReceiveBufferSize = 4096 };
        await stalled.ConnectAsync(Server.Client.BaseAddress!.Host, Server.Client.BaseAddress.Port);
        var stream = stalled.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /api/realtime HTTP/1.1\r\nHost: {Server.Client.BaseAddress.Authority}\r\n\r\n"));
        var head = new byte[4096];
        var n = await stream.ReadAsync(head);
        var stalledId = System.Text.RegularExpressions.Regex.Match(Encoding.ASCII.GetString(head, 0, n), "id:([A-Za-z0-9]{40})").Groups[1].Value;
        Assert.NotEqual("", stalledId);
        Broker.ClientById(stalledId)!.Subscribe("flood");

        // Far more than the socket buffers and the client's queue can hold.
        var payload = "\"" + new string('x', 16 * 1024) + "\"";
        const int messages = 3000;
        var read = 0;
        var received = Task.Run(async () =>
        {
            for (var i = 0; i < messages; i++)
            {
                await reader.NextAsync(TimeSpan.FromSeconds(30));
                Interlocked.Increment(ref read);
            }
        });
        for (var i = 0; i < messages; i++)
        {
            // The reading client keeps up: never more than a few hundred messages behind.
            while (i - Volatile.Read(ref read) > 300 && !received.IsCompleted) await Task.Delay(1);
            Broker.SendToSubscribers(new RealtimeMessage("flood", payload));
        }

        await received.WaitAsync(TimeSpan.FromSeconds(60));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Broker.ClientById(stalledId) != null && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Null(Broker.ClientById(stalledId));
        Assert.NotNull(Broker.ClientById(reader.ClientId));
    }
}
