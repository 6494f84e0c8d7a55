using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Channels;

namespace Satchel.Tests.Realtime;

/// <summary>One received SSE event.</summary>
public sealed record SseEvent(string Id, string Name, string Data)
{
    public JsonNode? Json => JsonNode.Parse(Data);
}

/// <summary>
/// A realtime client over real HTTP: opens GET /api/realtime, parses the event stream in the
/// background and hands out events in arrival order; <see cref="SubscribeAsync"/> posts the
/// subscriptions the way the JS SDK does.
/// </summary>
public sealed class SseTestClient : IAsyncDisposable
{
    private readonly HttpClient _http;
    private readonly CancellationTokenSource _stop = new();
    private readonly Channel<SseEvent> _events = Channel.CreateUnbounded<SseEvent>();
    private Task _reader = Task.CompletedTask;

    private SseTestClient(HttpClient http) => _http = http;

    public string ClientId { get; private set; } = "";

    /// <summary>Set once the server ended the stream (or it broke).</summary>
    public TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HttpResponseMessage Response { get; private set; } = null!;

    public static async Task<SseTestClient> ConnectAsync(string baseUrl, TimeSpan? timeout = null)
    {
        var client = new SseTestClient(new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = Timeout.InfiniteTimeSpan });
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/realtime");
        client.Response = await client._http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, client._stop.Token);
        var stream = await client.Response.Content.ReadAsStreamAsync();
        client._reader = Task.Run(() => client.ReadAsync(stream));
        var connect = await client.NextAsync(timeout ?? TimeSpan.FromSeconds(10));
        if (connect.Name != "PB_CONNECT") throw new InvalidOperationException($"expected PB_CONNECT first, got {connect.Name}");
        client.ClientId = connect.Id;
        return client;
    }

    private async Task ReadAsync(Stream stream)
    {
        try
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            string id = "", name = "";
            var data = new StringBuilder();
            var hasData = false;
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                if (line == "")
                {
                    if (hasData || name != "") _events.Writer.TryWrite(new SseEvent(id, name, data.ToString()));
                    name = "";
                    data.Clear();
                    hasData = false;
                    continue;
                }
                var colon = line.IndexOf(':');
                var field = colon < 0 ? line : line[..colon];
                var value = colon < 0 ? "" : line[(colon + 1)..];
                if (value.StartsWith(' ')) value = value[1..];
                switch (field)
                {
                    case "id": id = value; break;
                    case "event": name = value; break;
                    case "data":
                        if (hasData) data.Append('\n');
                        data.Append(value);
                        hasData = true;
                        break;
                }
            }
        }
        catch (Exception) when (_stop.IsCancellationRequested) { }
        catch (IOException) { }
        catch (HttpRequestException) { }
        finally
        {
            _events.Writer.TryComplete();
            Closed.TrySetResult();
        }
    }

    /// <summary>The next event; throws when none arrives in time or the stream ended.</summary>
    public async Task<SseEvent> NextAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        try
        {
            return await _events.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("no realtime event arrived in time");
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("the realtime stream ended");
        }
    }

    /// <summary>Asserts that nothing arrives within <paramref name="wait"/>.</summary>
    public async Task ExpectNothingAsync(TimeSpan? wait = null)
    {
        await Task.Delay(wait ?? TimeSpan.FromMilliseconds(400));
        if (_events.Reader.TryRead(out var unexpected))
            throw new Xunit.Sdk.XunitException($"unexpected realtime event {unexpected.Name}: {unexpected.Data}");
    }

    public async Task<(int Status, string Body)> SubscribeAsync(string? token, params string[] subscriptions)
        => await PostAsync(token, new JsonObject { ["clientId"] = ClientId, ["subscriptions"] = new JsonArray(subscriptions.Select(s => (JsonNode?)s).ToArray()) });

    public async Task<(int Status, string Body)> PostAsync(string? token, JsonObject body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/realtime")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        if (token != null) request.Headers.Authorization = new AuthenticationHeaderValue(token);
        using var response = await _http.SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>A subscription with options, serialised as the JS SDK does.</summary>
    public static string WithOptions(string topic, JsonObject? query = null, JsonObject? headers = null)
        => topic + "?options=" + Uri.EscapeDataString(new JsonObject { ["query"] = query, ["headers"] = headers }.ToJsonString());

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        Response?.Dispose();
        try { await _reader; } catch { }
        _http.Dispose();
    }
}
