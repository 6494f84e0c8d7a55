using System.Runtime.InteropServices;

namespace Satchel.Tests.Support;

/// <summary>POSIX signals for child processes (Process.Kill only sends SIGKILL).</summary>
public static class Signals
{
    public const int SIGINT = 2;
    public const int SIGTERM = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    public static void Send(int pid, int signal)
    {
        if (Kill(pid, signal) != 0) throw new InvalidOperationException($"kill({pid}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>Whether this process inherited <paramref name="signal"/> as ignored (Linux: the SigIgn mask of /proc/self/status).</summary>
    public static bool IgnoredByThisProcess(int signal)
    {
        var line = File.Exists("/proc/self/status") ? File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:")) : null;
        if (line == null) return false;
        var mask = Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
        return (mask & (1UL << (signal - 1))) != 0;
    }
}
