using System.Diagnostics;
using Amazon.S3;
using Satchel.Plugins.FilesS3;
using Satchel.Settings;

namespace Satchel.Tests.Support;

/// <summary>
/// An S3-compatible server (s3rver through tests/s3/server.js; `npm ci` in tests/s3 installs it) on a
/// free 127.0.0.1 port, storing into a temporary folder, with one bucket ready. Disposing stops it
/// and removes the folder.
/// </summary>
public sealed class S3Server : IAsyncDisposable
{
    /// <summary>s3rver's built-in account.</summary>
    public const string AccessKey = "S3RVER";
    public const string Secret = "S3RVER";
    public const string Region = "us-east-1";

    private readonly TempDir _dir;
    private readonly Process _process;
    private readonly OutputLog _output;

    private S3Server(TempDir dir, Process process, OutputLog output, int port, string bucket)
    {
        _dir = dir;
        _process = process;
        _output = output;
        Endpoint = $"http://127.0.0.1:{port}";
        Bucket = bucket;
    }

    public string Endpoint { get; }
    public string Bucket { get; }

    /// <summary>What s3rver logged (one line per request), for failure messages.</summary>
    public string Log => _output.Text;

    private static string Folder => Path.Combine(RepoPaths.RepoRoot, "tests", "s3");

    public static async Task<S3Server> StartAsync(string bucket = "satchel-test")
    {
        if (!Directory.Exists(Path.Combine(Folder, "node_modules", "s3rver")))
            throw new InvalidOperationException($"s3rver is not installed: run `npm ci` in {Folder}");
        var dir = TempDir.Create("satchel-s3");
        var port = FreePort.Next();
        // s3rver's list continuation tokens use DES, which newer OpenSSL builds only offer as a legacy cipher.
        var psi = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Folder,
        };
        foreach (var a in new[] { "--openssl-legacy-provider", "server.js", port.ToString(), dir.Combine("data"), bucket })
            psi.ArgumentList.Add(a);

        var output = new OutputLog();
        var process = new Process { StartInfo = psi };
        process.OutputDataReceived += (_, e) => output.Append(e.Data);
        process.ErrorDataReceived += (_, e) => output.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new S3Server(dir, process, output, port, bucket);
        try
        {
            await server.WaitReadyAsync(TimeSpan.FromSeconds(30));
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>settings.s3 pointing at this server (path-style: the bucket isn't a host name here).</summary>
    public S3Settings Settings(string? bucket = null, string? secret = null) => new()
    {
        Enabled = true,
        Bucket = bucket ?? Bucket,
        Region = Region,
        Endpoint = Endpoint,
        AccessKey = AccessKey,
        Secret = secret ?? Secret,
        ForcePathStyle = true,
    };

    /// <summary>The same settings as a PATCH /api/settings body section.</summary>
    public object SettingsJson(bool enabled = true, string? bucket = null, string? secret = null) => new
    {
        enabled,
        bucket = bucket ?? Bucket,
        region = Region,
        endpoint = Endpoint,
        accessKey = AccessKey,
        secret = secret ?? Secret,
        forcePathStyle = true,
    };

    /// <summary>A raw S3 client for this server, to look at the bucket independently of the file system under test.</summary>
    public AmazonS3Client Client() => S3ClientFactory.Create(Settings());

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_output.Text.Split('\n').Contains("ready")) return;
            if (_process.HasExited) throw new InvalidOperationException($"s3rver exited with code {_process.ExitCode}\n{_output}");
            await Task.Delay(50);
        }
        throw new TimeoutException($"s3rver was not ready within {timeout}\n{_output}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        _dir.Dispose();
    }
}
