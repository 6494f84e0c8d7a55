using System.Diagnostics;

namespace Satchel.Tests.Support;

/// <summary>
/// `satchel serve` on a free 127.0.0.1 port against a temporary pb_data (empty, or a copy of the
/// fixture), started and waited for until /api/health answers. Disposing kills the process and
/// removes its folders. Share one per test class (IClassFixture) when the tests don't change data.
/// </summary>
public sealed class RunningServer : IAsyncDisposable
{
    private readonly TempDir _work;

    private RunningServer(TempDir work, Process process, OutputLog stdout, OutputLog stderr, int port)
    {
        _work = work;
        Process = process;
        Stdout = stdout;
        Stderr = stderr;
        Port = port;
        BaseUrl = $"http://127.0.0.1:{port}";
        Client = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = TimeSpan.FromSeconds(30) };
    }

    public Process Process { get; }
    public OutputLog Stdout { get; }
    public OutputLog Stderr { get; }
    public int Port { get; }
    public string BaseUrl { get; }
    public HttpClient Client { get; }

    /// <summary>The server's pb_data folder.</summary>
    public string DataDir => Path.Combine(_work.Path, "pb_data");

    public static async Task<RunningServer> StartAsync(ServerOptions? options = null)
    {
        options ??= new ServerOptions();
        var (work, args) = await PrepareAsync(options);
        var port = FreePort.Next();
        args.Add($"--http=127.0.0.1:{port}");

        var stdout = new OutputLog();
        var stderr = new OutputLog();
        var process = SatchelProcess.Start(args, stdout, stderr);
        var server = new RunningServer(work, process, stdout, stderr, port);
        try
        {
            await server.WaitHealthyAsync(options.StartTimeout);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Runs `serve` expecting it to stop by itself (e.g. a plugin that cannot load); kills it after <paramref name="timeout"/>.</summary>
    public static async Task<CliResult> RunUntilExitAsync(ServerOptions options, TimeSpan? timeout = null)
    {
        var (work, args) = await PrepareAsync(options);
        using (work)
        {
            args.Add($"--http=127.0.0.1:{FreePort.Next()}");
            return await SatchelProcess.RunAsync(args, timeout: timeout ?? TimeSpan.FromSeconds(30));
        }
    }

    private static async Task<(TempDir Work, List<string> Args)> PrepareAsync(ServerOptions options)
    {
        var work = TempDir.Create("satchel-server");
        try
        {
            var dataDir = Path.Combine(work.Path, "pb_data");
            if (options.FromFixture)
            {
                using var copy = TempDir.CopyOf(RepoPaths.FixtureDataDir);
                Directory.Move(copy.Path, dataDir);
            }
            else
            {
                Directory.CreateDirectory(dataDir);
            }
            options.PrepareData?.Invoke(dataDir);

            var common = new List<string> { $"--dir={dataDir}" };
            if (options.Plugins != null) common.Add($"--plugins={options.Plugins.WriteTo(work.Path)}");

            foreach (var before in options.Before)
            {
                var result = await SatchelProcess.RunAsync(before.Concat(common));
                if (result.ExitCode != 0) throw new InvalidOperationException($"satchel {string.Join(' ', before)} failed before the server start:\n{result}");
            }

            var args = new List<string> { "serve" };
            args.AddRange(common);
            args.AddRange(options.ExtraArgs);
            return (work, args);
        }
        catch
        {
            work.Dispose();
            throw;
        }
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        using var probe = new HttpClient { BaseAddress = Client.BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (DateTime.UtcNow < deadline)
        {
            if (Process.HasExited)
                throw new InvalidOperationException($"the server exited with code {Process.ExitCode} before it was healthy\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}");
            try
            {
                using var res = await probe.GetAsync("/api/health");
                if (res.IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(50);
        }
        throw new TimeoutException($"the server was not healthy within {timeout}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}");
    }

    /// <summary>Sends a POSIX signal (e.g. <see cref="Signals.SIGTERM"/>) to the server.</summary>
    public void Signal(int signal) => Signals.Send(Process.Id, signal);

    /// <summary>Waits for the process to end and returns its exit code; throws when it outlives <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await Process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { throw new TimeoutException($"the server still runs after {timeout}\n--- stderr\n{Stderr}"); }
        Process.WaitForExit();
        return Process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!Process.HasExited)
            {
                Process.Kill(entireProcessTree: true);
                await Process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException) { }
        Process.Dispose();
        _work.Dispose();
    }
}
