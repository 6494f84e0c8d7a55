using Microsoft.AspNetCore.Http;
using Satchel.Http;
using Satchel.Http.RateLimit;
using Satchel.Models;

namespace Satchel.Records;

/// <summary>
/// PocketBase's randomized throttle for fruitless searches: a list rule also acts as a filter and
/// runs in one query with the client's filter, so many filtered lists that find nothing could
/// probe values the rule hides by timing the answers. After more than 3 such lists of one
/// collection within 3 seconds from one client, each further one waits a random 0–150 ms.
/// Superusers, collections whose list rule is open ("") and unfiltered lists are never slowed.
/// </summary>
public sealed class EmptyListThrottle(IRateLimiter limiter, TimeProvider? time = null, Func<int, Task>? delay = null)
{
    public const int FreeSearches = 3;
    public const int WindowSeconds = 3;
    public const int MaxDelayMs = 150;

    private readonly RateLimitCounters _counters = new(time ?? TimeProvider.System);
    private readonly Func<int, Task> _delay = delay ?? (ms => Task.Delay(ms));

    /// <summary>Waits when this answer is one fruitless filtered search too many.</summary>
    public Task AfterListAsync(HttpContext http, Collection collection, string? filter, int found, bool superuser)
    {
        if (superuser || found > 0 || string.IsNullOrEmpty(filter) || string.IsNullOrEmpty(collection.ListRule)) return Task.CompletedTask;
        var client = limiter.ClientIpOf(http);
        if (_counters.TryConsume(collection.Id, client, FreeSearches, WindowSeconds)) return Task.CompletedTask;
        return _delay(Random.Shared.Next(MaxDelayMs + 1));
    }
}
