using System.Diagnostics;

namespace Satchel.Tests.Support;

/// <summary>The outcome of one `satchel …` command.</summary>
public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}

/// <summary>Starts the built host (`dotnet satchel.dll …`) as a child process with its output captured.</summary>
public static class SatchelProcess
{
    public static Process Start(IEnumerable<string> args, OutputLog stdout, OutputLog stderr)
    {
        if (!File.Exists(RepoPaths.HostDll))
            throw new FileNotFoundException($"the host is not built: {RepoPaths.HostDll} (build Satchel.slnx in {RepoPaths.Configuration} first)");
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        psi.ArgumentList.Add(RepoPaths.HostDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";

        var p = new Process { StartInfo = psi };
        p.OutputDataReceived += (_, e) => stdout.Append(e.Data);
        p.ErrorDataReceived += (_, e) => stderr.Append(e.Data);
        p.Start();
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    /// <summary>Runs a command to its end; <paramref name="stdin"/> is typed in and the input closed.</summary>
    public static async Task<CliResult> RunAsync(IEnumerable<string> args, string? stdin = null, TimeSpan? timeout = null)
    {
        var stdout = new OutputLog();
        var stderr = new OutputLog();
        using var p = Start(args, stdout, stderr);
        if (stdin != null) await p.StandardInput.WriteAsync(stdin);
        p.StandardInput.Close();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"satchel {string.Join(' ', args)} did not finish\n{stdout}\n{stderr}");
        }
        p.WaitForExit(); // flushes the asynchronous output readers
        return new CliResult(p.ExitCode, stdout.Text, stderr.Text);
    }
}
