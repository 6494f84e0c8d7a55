using System.Diagnostics;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Satchel.Hooks;
using Satchel.Realtime;

namespace Satchel.Plugins.RealtimeSse;

/// <summary>
/// GET /api/realtime: registers a new client, sends PB_CONNECT with its id, then writes the
/// client's queued messages as they come. The stream ends when the client goes away, when it
/// received nothing for the idle timeout (5 minutes unless a hook changes it), when it is
/// discarded (dropped as too slow, or unregistered) and when the server shuts down.
/// </summary>
internal sealed class ConnectEndpoint(IApp app, IRealtimeBroker broker, CancellationToken stopping, ILogger log)
{
    /// <summary>The shortest time between two writes to one stream; the most a message waits for company.</summary>
    public static readonly TimeSpan MinFlushInterval = TimeSpan.FromMilliseconds(20);

    /// <summary>With many clients the interval grows so that all streams together flush about this often per second.</summary>
    public const int FlushesPerSecond = 20_000;

    /// <summary>The time between two writes to one busy stream while <paramref name="clients"/> are connected.</summary>
    public static TimeSpan FlushInterval(int clients)
    {
        var shared = TimeSpan.FromSeconds((double)clients / FlushesPerSecond);
        return shared > MinFlushInterval ? shared : MinFlushInterval;
    }

    public async Task HandleAsync(HttpContext http)
    {
        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-store";
        // Keeps reverse proxies such as nginx from buffering the stream.
        http.Response.Headers["X-Accel-Buffering"] = "no";
        http.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        var client = new RealtimeClient();
        client.Set(ClientIp.StoreKey, ClientIp.Of(http, app.Settings));
        client.Set(RecordBroadcaster.ConnectRequestKey, http);
        var ev = new RealtimeConnectRequestEvent(app, http, client);

        var hook = app.Hooks.OnRealtimeConnectRequest;
        if (hook.Count == 0)
        {
            await StreamAsync(ev);
            return;
        }

        // Handler code after Next must run once the client has gone, so the (synchronous) chain
        // stays open for the whole connection: give it a thread of its own rather than a pool thread.
        await Task.Factory.StartNew(
            () => hook.Trigger(ev, e => StreamAsync(e).GetAwaiter().GetResult()),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private async Task StreamAsync(RealtimeConnectRequestEvent ev)
    {
        var client = ev.Client;
        var http = ev.Http;
        var writer = http.Response.BodyWriter;
        broker.Register(client);
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, stopping, client.Discarded);
        using var idle = new IdleTimer(ev.IdleTimeout, cts);
        try
        {
            var connect = new RealtimeMessage("PB_CONNECT", $"{{\"clientId\":\"{client.Id}\"}}");
            if (!Write(ev, writer, connect)) return;
            if ((await writer.FlushAsync(cts.Token)).IsCompleted) return;

            idle.Start();
            var reader = client.Messages;
            var lastFlush = 0L;
            while (await reader.WaitToReadAsync(cts.Token))
            {
                // A busy stream is flushed at most every FlushInterval: what arrives meanwhile goes
                // out together, so thousands of clients don't each cost a send per message.
                var interval = FlushInterval(broker.TotalClients);
                var sinceFlush = Stopwatch.GetElapsedTime(lastFlush);
                if (sinceFlush < interval) await Task.Delay(interval - sinceFlush, cts.Token);

                // Everything queued so far goes out in one flush.
                while (!client.IsDiscarded && reader.TryRead(out var message))
                {
                    if (!Write(ev, writer, message)) return;
                }
                if (client.IsDiscarded) return;
                var flushed = await writer.FlushAsync(cts.Token);
                if (flushed.IsCompleted || flushed.IsCanceled) return;
                lastFlush = Stopwatch.GetTimestamp();
                idle.Touch();
            }
        }
        catch (OperationCanceledException)
        {
            // gone, idle, dropped or shutting down: the stream simply ends
        }
        catch (IOException)
        {
            // the connection broke mid-write
        }
        finally
        {
            broker.Unregister(client.Id);
        }
    }

    /// <summary>Writes one message through OnRealtimeMessageSend; false when a handler failed, which closes the connection.</summary>
    private bool Write(RealtimeConnectRequestEvent connect, PipeWriter writer, RealtimeMessage message)
    {
        var hook = app.Hooks.OnRealtimeMessageSend;
        if (hook.Count == 0)
        {
            SseFrame.Write(writer, connect.Client.Id, message);
            return true;
        }

        try
        {
            hook.Trigger(new RealtimeMessageEvent(app, connect.Http, connect.Client, message),
                e => SseFrame.Write(writer, e.Client.Id, e.Message));
            return true;
        }
        catch (Exception e)
        {
            log.LogDebug(e, "realtime message to {ClientId} failed; closing the connection", connect.Client.Id);
            return false;
        }
    }
}
