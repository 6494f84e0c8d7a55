using Satchel.Http.RateLimit;

namespace Satchel.Tests.RateLimit;

/// <summary>Fixed windows per limiter and client, and the memory they keep.</summary>
public sealed class RateLimitCountersTests
{
    private readonly ManualClock _clock = new();
    private readonly RateLimitCounters _counters;

    public RateLimitCountersTests() => _counters = new RateLimitCounters(_clock);

    [Fact]
    public void A_window_allows_max_requests_then_resets_after_its_duration()
    {
        Assert.True(_counters.TryConsume("rule", "1.1.1.1", 2, 3));
        Assert.True(_counters.TryConsume("rule", "1.1.1.1", 2, 3));
        Assert.False(_counters.TryConsume("rule", "1.1.1.1", 2, 3));

        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(_counters.TryConsume("rule", "1.1.1.1", 2, 3));

        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.True(_counters.TryConsume("rule", "1.1.1.1", 2, 3));
    }

    [Fact]
    public void Clients_and_limiters_count_separately()
    {
        Assert.True(_counters.TryConsume("a", "1.1.1.1", 1, 10));
        Assert.False(_counters.TryConsume("a", "1.1.1.1", 1, 10));
        Assert.True(_counters.TryConsume("a", "2.2.2.2", 1, 10));
        Assert.True(_counters.TryConsume("b", "1.1.1.1", 1, 10));
    }

    [Fact]
    public void A_zero_limit_refuses_everything()
        => Assert.False(_counters.TryConsume("a", "1.1.1.1", 0, 0));

    [Fact]
    public void Finished_windows_are_dropped_by_the_periodic_sweep()
    {
        for (var i = 0; i < 5000; i++) _counters.TryConsume("rule", "10.0." + (i / 256) + "." + (i % 256), 5, 10);
        Assert.Equal(5000, _counters.Count);

        _clock.Advance(TimeSpan.FromSeconds(61));
        _counters.TryConsume("rule", "192.168.0.1", 5, 10);

        Assert.Equal(1, _counters.Count);
    }

    [Fact]
    public void Live_windows_survive_a_sweep()
    {
        _counters.TryConsume("long", "1.1.1.1", 1, 3600);
        _clock.Advance(TimeSpan.FromSeconds(120));
        _counters.Sweep();
        Assert.False(_counters.TryConsume("long", "1.1.1.1", 1, 3600));
    }

    [Fact]
    public void A_flood_of_new_clients_shares_one_window_once_a_limiter_is_full()
    {
        for (var i = 0; i < RateLimitCounters.MaxClientsPerLimiter; i++)
            _counters.TryConsume("rule", "c" + i, 1, 60);

        Assert.True(_counters.TryConsume("rule", "newcomer-1", 1, 60));
        Assert.False(_counters.TryConsume("rule", "newcomer-2", 1, 60));
        Assert.Equal(RateLimitCounters.MaxClientsPerLimiter + 1, _counters.Count);
        // Clients seen before the flood keep their own window.
        Assert.False(_counters.TryConsume("rule", "c0", 1, 60));
    }
}
