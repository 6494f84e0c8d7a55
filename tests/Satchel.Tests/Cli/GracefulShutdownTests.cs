using System.Net.Http.Json;
using System.Text.Json;
using Satchel.Tests.Support;

namespace Satchel.Tests.Cli;

/// <summary>SIGTERM/SIGINT: stop accepting, finish in-flight requests, close the databases, exit 0.</summary>
public sealed class GracefulShutdownTests
{
    /// <summary>Long enough for the signal to be handled on a busy machine before the request ends.</summary>
    private const int SleepMs = 4000;

    [Theory]
    [InlineData(Signals.SIGTERM)]
    [InlineData(Signals.SIGINT)]
    public async Task An_in_flight_request_completes_and_the_process_exits_0(int signal)
    {
        // A job started in the background of a non-interactive shell ignores SIGINT, and so do its
        // children (the server included); there is nothing to check then.
        if (signal == Signals.SIGINT && Signals.IgnoredByThisProcess(signal)) return;

        await using var server = await RunningServer.StartAsync(new ServerOptions
        {
            Plugins = new PluginsFile().AddTestPlugin("probe"),
        });

        var slow = server.Client.GetAsync($"/probe/sleep?ms={SleepMs}");
        await WaitUntil(() => Task.FromResult(server.Stdout.Text.Contains("probe: sleeping")), TimeSpan.FromSeconds(10));

        server.Signal(signal);

        // New connections are refused while the slow request is still being served.
        await WaitUntil(async () => !await CanConnect(server.Port), TimeSpan.FromSeconds(SleepMs / 1000 - 1));
        Assert.False(slow.IsCompleted, "the slow request ended before the server stopped accepting");

        using var response = await slow;
        Assert.Equal(200, (int)response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(SleepMs, body.GetProperty("slept").GetInt32());

        Assert.Equal(0, await server.WaitForExitAsync(TimeSpan.FromSeconds(15)));

        // Disposing the databases checkpoints and removes the write-ahead log.
        var wal = Path.Combine(server.DataDir, "data.db-wal");
        Assert.True(!File.Exists(wal) || new FileInfo(wal).Length == 0, "data.db-wal was left with content");
    }

    private static async Task<bool> CanConnect(int port)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(1));
        try { await tcp.ConnectAsync(System.Net.IPAddress.Loopback, port, cts.Token); return true; }
        catch (System.Net.Sockets.SocketException) { return false; }
        catch (OperationCanceledException) { return false; }
    }

    private static async Task WaitUntil(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("condition not met in time");
            await Task.Delay(20);
        }
    }
}
