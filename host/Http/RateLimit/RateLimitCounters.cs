using System.Collections.Concurrent;

namespace Satchel.Http.RateLimit;

/// <summary>
/// Fixed-window request counters, one set per limiter (a rule, or a rule on one collection
/// route) and one window per client. A window whose time is over counts the same as no window,
/// so such windows are dropped by a periodic sweep: memory follows the clients seen within the
/// rules' durations. When one limiter holds <see cref="MaxClientsPerLimiter"/> live windows (a
/// flood of distinct addresses), further new clients share a single overflow window.
/// </summary>
public sealed class RateLimitCounters(TimeProvider time)
{
    public const int MaxClientsPerLimiter = 100_000;
    private const string OverflowKey = "\0overflow";
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Limiter> _limiters = new(StringComparer.Ordinal);
    private long _nextSweep;

    /// <summary>Counts one request of <paramref name="client"/>; false when its window has no requests left.</summary>
    public bool TryConsume(string limiterId, string client, int maxRequests, long durationSeconds)
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        SweepIfDue(now);
        var limiter = _limiters.GetOrAdd(limiterId, _ => new Limiter(maxRequests, durationSeconds));
        return limiter.Window(client, now).Consume(now);
    }

    /// <summary>Live windows over all limiters (for tests and diagnostics).</summary>
    public int Count => _limiters.Values.Sum(l => l.Count);

    /// <summary>Drops every counter (e.g. when the rules change).</summary>
    public void Clear() => _limiters.Clear();

    /// <summary>Drops the windows whose time is over and the limiters left empty.</summary>
    public void Sweep()
    {
        var now = time.GetUtcNow().ToUnixTimeSeconds();
        foreach (var (id, limiter) in _limiters)
        {
            limiter.Sweep(now);
            if (limiter.Count == 0) _limiters.TryRemove(KeyValuePair.Create(id, limiter));
        }
    }

    private void SweepIfDue(long now)
    {
        var due = Interlocked.Read(ref _nextSweep);
        if (now < due) return;
        if (Interlocked.CompareExchange(ref _nextSweep, now + (long)SweepEvery.TotalSeconds, due) != due) return;
        Sweep();
    }

    private sealed class Limiter(int maxRequests, long durationSeconds)
    {
        private readonly ConcurrentDictionary<string, Window> _clients = new(StringComparer.Ordinal);
        private long _lastFullSweep = long.MinValue;

        public int Count => _clients.Count;

        public Window Window(string client, long now)
        {
            if (_clients.TryGetValue(client, out var window)) return window;
            if (_clients.Count >= MaxClientsPerLimiter)
            {
                // Full: make room from finished windows (at most once a second), else share one window.
                if (Interlocked.Exchange(ref _lastFullSweep, now) != now) Sweep(now);
                if (_clients.Count >= MaxClientsPerLimiter) client = OverflowKey;
            }
            return _clients.GetOrAdd(client, _ => new Window(maxRequests, durationSeconds));
        }

        public void Sweep(long now)
        {
            foreach (var (key, window) in _clients)
                if (window.IsOver(now)) _clients.TryRemove(KeyValuePair.Create(key, window));
        }
    }

    private sealed class Window(int maxRequests, long durationSeconds)
    {
        private readonly object _gate = new();
        private long _start = long.MinValue / 2;
        private int _available;

        public bool Consume(long now)
        {
            lock (_gate)
            {
                if (now - _start >= durationSeconds)
                {
                    _start = now;
                    _available = maxRequests;
                }
                if (_available <= 0) return false;
                _available--;
                return true;
            }
        }

        public bool IsOver(long now)
        {
            lock (_gate) return now - _start >= durationSeconds;
        }
    }
}
