using System.Diagnostics;

namespace Satchel.Plugins.RealtimeSse;

/// <summary>
/// Cancels a connection that received nothing for <c>timeout</c>. Sending only records the time
/// (cheap enough for every message); the one timer re-arms itself for the remaining time when it
/// fires early.
/// </summary>
internal sealed class IdleTimer(TimeSpan timeout, CancellationTokenSource target) : IDisposable
{
    private long _lastActivity = Stopwatch.GetTimestamp();
    private Timer? _timer;

    public void Start()
    {
        Touch();
        _timer = new Timer(_ => Check(), null, timeout, Timeout.InfiniteTimeSpan);
    }

    public void Touch() => Volatile.Write(ref _lastActivity, Stopwatch.GetTimestamp());

    private void Check()
    {
        var quiet = Stopwatch.GetElapsedTime(Volatile.Read(ref _lastActivity));
        if (quiet >= timeout)
        {
            try { target.Cancel(); } catch (ObjectDisposedException) { }
            return;
        }
        try { _timer?.Change(timeout - quiet, Timeout.InfiniteTimeSpan); } catch (ObjectDisposedException) { }
    }

    public void Dispose() => _timer?.Dispose();
}
