// Realtime delivery benchmark against a running Satchel server (see bench/realtime.sh):
// N SSE clients subscribed to one collection while records are created at a fixed rate; reports
// delivery latency (POST sent → event read), events lost and the server's resident memory.
using System.Buffers;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

var opts = args.Select(a => a.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].TrimStart('-'), p => p[1]);
string Opt(string k, string d) => opts.TryGetValue(k, out var v) ? v : d;
var baseUrl = Opt("url", "http://127.0.0.1:8090");
var clients = int.Parse(Opt("clients", "2000"));
var rate = int.Parse(Opt("rate", "100"));
var seconds = int.Parse(Opt("seconds", "30"));
var users = int.Parse(Opt("users", "20"));
var serverPid = int.Parse(Opt("pid", "0"));
var adminEmail = Opt("email", "bench@example.com");
var adminPassword = Opt("password", "bench-password-1");

var handler = new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan };
using var http = new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = Timeout.InfiniteTimeSpan };

async Task<JsonNode> Call(HttpMethod method, string url, object? body, string? token)
{
    using var req = new HttpRequestMessage(method, url);
    if (token != null) req.Headers.Authorization = new AuthenticationHeaderValue(token);
    if (body != null) req.Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
    using var res = await http.SendAsync(req);
    var text = await res.Content.ReadAsStringAsync();
    if (!res.IsSuccessStatusCode) throw new Exception($"{method} {url}: {(int)res.StatusCode} {text}");
    return text == "" ? new JsonObject() : JsonNode.Parse(text)!;
}

// --- setup: a collection listed to signed-in users, and the users the clients sign in as
var admin = (await Call(HttpMethod.Post, "/api/collections/_superusers/auth-with-password", new { identity = adminEmail, password = adminPassword }, null))["token"]!.GetValue<string>();
await Call(HttpMethod.Post, "/api/collections", new JsonObject
{
    ["name"] = "bench_items",
    ["type"] = "base",
    ["listRule"] = "@request.auth.id != ''",
    ["fields"] = new JsonArray(new JsonObject { ["name"] = "title", ["type"] = "text" }, new JsonObject { ["name"] = "sent", ["type"] = "number" }),
}.ToJsonString(), admin);
var tokens = new List<string>();
for (var i = 0; i < users; i++)
{
    var email = $"bench{i}@example.com";
    await Call(HttpMethod.Post, "/api/collections/users/records", new { email, password = "bench-password-1", passwordConfirm = "bench-password-1" }, admin);
    tokens.Add((await Call(HttpMethod.Post, "/api/collections/users/auth-with-password", new { identity = email, password = "bench-password-1" }, null))["token"]!.GetValue<string>());
}

var clock = Stopwatch.StartNew();
long Now() => clock.ElapsedTicks;
var latencies = new List<double>[clients];
var received = new int[clients];
var closed = 0;

// --- clients: connect, read PB_CONNECT, subscribe
async Task<Stream> Connect(int i)
{
    var res = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/realtime"), HttpCompletionOption.ResponseHeadersRead);
    res.EnsureSuccessStatusCode();
    return await res.Content.ReadAsStreamAsync();
}

var streams = new Stream[clients];
var ids = new string[clients];
var connectWatch = Stopwatch.StartNew();
await Parallel.ForEachAsync(Enumerable.Range(0, clients), new ParallelOptions { MaxDegreeOfParallelism = 50 }, async (i, _) =>
{
    streams[i] = await Connect(i);
    var buf = new byte[512];
    var text = "";
    while (!text.Contains("\n\n")) text += Encoding.UTF8.GetString(buf, 0, await streams[i].ReadAsync(buf));
    ids[i] = text.Split('\n').First(l => l.StartsWith("id:"))[3..];
    await Call(HttpMethod.Post, "/api/realtime", new { clientId = ids[i], subscriptions = new[] { "bench_items/*" } }, tokens[i % tokens.Count]);
    latencies[i] = new List<double>(rate * seconds);
});
Console.WriteLine($"connected and subscribed {clients} clients in {connectWatch.Elapsed.TotalSeconds:F1} s");

// Every event's data carries "sent": the writer's clock (in stopwatch ticks) just before its POST.
async Task Read(int i)
{
    var stream = streams[i];
    var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    var pending = new List<byte>();
    var key = "\"sent\":"u8.ToArray();
    try
    {
        while (true)
        {
            var n = await stream.ReadAsync(buffer);
            if (n == 0) break;
            var now = Now();
            pending.AddRange(buffer.AsSpan(0, n));
            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pending);
            var consumed = 0;
            while (true)
            {
                var end = span[consumed..].IndexOf("\n\n"u8);
                if (end < 0) break;
                var frame = span.Slice(consumed, end);
                var at = frame.IndexOf(key);
                if (at >= 0)
                {
                    var num = frame[(at + key.Length)..];
                    var stop = num.IndexOfAny((byte)',', (byte)'}');
                    if (long.TryParse(Encoding.ASCII.GetString(num[..stop]), out var sent))
                    {
                        latencies[i].Add((now - sent) * 1000.0 / Stopwatch.Frequency);
                        received[i]++;
                    }
                }
                consumed += end + 2;
            }
            pending.RemoveRange(0, consumed);
        }
    }
    catch (Exception) { }
    finally
    {
        Interlocked.Increment(ref closed);
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
var readers = Enumerable.Range(0, clients).Select(i => Task.Run(() => Read(i))).ToArray();

// --- memory sampling
long peakRss = 0;
long Rss()
{
    if (serverPid == 0) return 0;
    var line = File.ReadLines($"/proc/{serverPid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:"));
    return line == null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) * 1024;
}
var rssBefore = Rss();
using var sampling = new CancellationTokenSource();
var sampler = Task.Run(async () =>
{
    while (!sampling.IsCancellationRequested)
    {
        peakRss = Math.Max(peakRss, Rss());
        await Task.Delay(250);
    }
});

// --- writer: `rate` creates per second, each POST awaited in its own task so a slow one doesn't delay the schedule
var total = rate * seconds;
var writes = new List<Task>(total);
var writeStart = Stopwatch.StartNew();
for (var k = 0; k < total; k++)
{
    var due = TimeSpan.FromSeconds((double)k / rate);
    var wait = due - writeStart.Elapsed;
    if (wait > TimeSpan.Zero) await Task.Delay(wait);
    var sent = Now();
    writes.Add(Call(HttpMethod.Post, "/api/collections/bench_items/records", $"{{\"title\":\"item {k}\",\"sent\":{sent}}}", admin));
}
await Task.WhenAll(writes);
var writeSeconds = writeStart.Elapsed.TotalSeconds;

// Let the last events arrive.
var expected = (long)total * clients;
var settle = Stopwatch.StartNew();
while (received.Sum(x => (long)x) < expected && settle.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(100);
sampling.Cancel();
await sampler;
var rssAfter = Rss();

var all = latencies.SelectMany(l => l).OrderBy(x => x).ToArray();
double P(double q) => all.Length == 0 ? double.NaN : all[Math.Min(all.Length - 1, (int)(q * all.Length))];
var got = received.Sum(x => (long)x);
Console.WriteLine($"clients {clients} ({users} distinct users), {total} records written in {writeSeconds:F1} s ({total / writeSeconds:F0}/s)");
Console.WriteLine($"events expected {expected}, received {got}, lost {expected - got}; streams closed by the server: {Volatile.Read(ref closed)}");
Console.WriteLine($"delivery latency ms: p50 {P(0.50):F1}  p90 {P(0.90):F1}  p99 {P(0.99):F1}  max {(all.Length > 0 ? all[^1] : double.NaN):F1}");
Console.WriteLine($"server RSS MiB: before writes {rssBefore / 1048576.0:F0}, peak {peakRss / 1048576.0:F0}, after {rssAfter / 1048576.0:F0}");

foreach (var s in streams) s.Dispose();
await Task.WhenAny(Task.WhenAll(readers), Task.Delay(5000));
