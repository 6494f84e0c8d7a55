using System.Collections.Concurrent;

namespace Satchel.Plugins.AuthOtp;

/// <summary>
/// Codes are short runs of digits, so guessing is limited whatever the rate limit settings say:
/// at most 5 sign-in attempts per record and client IP within 3 minutes (PocketBase's rule).
/// Kept in memory.
/// </summary>
internal sealed class OtpAttempts(TimeProvider time)
{
    public const int MaxAttempts = 5;
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(180);

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _attempts = new(StringComparer.Ordinal);

    /// <summary>Counts one attempt; false when the limit was already reached.</summary>
    public bool TryAttempt(string recordId, string clientIp)
    {
        var now = time.GetUtcNow();
        Prune(now);
        var queue = _attempts.GetOrAdd(recordId + "|" + clientIp, _ => new Queue<DateTimeOffset>());
        lock (queue)
        {
            while (queue.Count > 0 && now - queue.Peek() >= Window) queue.Dequeue();
            if (queue.Count >= MaxAttempts) return false;
            queue.Enqueue(now);
            return true;
        }
    }

    /// <summary>Forgets the clients whose attempts are all out of the window, so the map stays small.</summary>
    private void Prune(DateTimeOffset now)
    {
        if (_attempts.Count < 1024) return;
        foreach (var (key, queue) in _attempts)
        {
            bool stale;
            lock (queue) stale = queue.Count == 0 || now - queue.Last() >= Window;
            if (stale) _attempts.TryRemove(KeyValuePair.Create(key, queue));
        }
    }
}
