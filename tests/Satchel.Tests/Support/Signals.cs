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
}
