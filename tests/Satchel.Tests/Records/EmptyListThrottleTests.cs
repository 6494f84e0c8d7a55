using Microsoft.AspNetCore.Http;
using Moq;
using Satchel.Http;
using Satchel.Models;
using Satchel.Records;
using Satchel.Tests.RateLimit;

namespace Satchel.Tests.Records;

public class EmptyListThrottleTests
{
    private readonly ManualClock _clock = new();
    private readonly List<int> _delays = new();
    private readonly EmptyListThrottle _throttle;
    private string _ip = "10.0.0.1";

    private static readonly Collection Guarded = new() { Id = "c_guarded", Name = "guarded", ListRule = "owner = @request.auth.id" };

    public EmptyListThrottleTests()
    {
        var limiter = new Mock<IRateLimiter>();
        limiter.Setup(l => l.ClientIpOf(It.IsAny<HttpContext>())).Returns(() => _ip);
        _throttle = new EmptyListThrottle(limiter.Object, _clock, ms => { _delays.Add(ms); return Task.CompletedTask; });
    }

    private int Search(Collection? collection = null, string? filter = "secret = 'x'", int found = 0, bool superuser = false)
    {
        var before = _delays.Count;
        _throttle.AfterListAsync(new DefaultHttpContext(), collection ?? Guarded, filter, found, superuser).Wait();
        return _delays.Count - before;
    }

    [Fact]
    public void The_fourth_fruitless_filtered_search_within_three_seconds_waits_up_to_150_ms()
    {
        Assert.Equal([0, 0, 0], new[] { Search(), Search(), Search() });
        Assert.Equal(1, Search());
        Assert.InRange(_delays[^1], 0, EmptyListThrottle.MaxDelayMs);

        _ip = "10.0.0.2"; // another client has its own count
        Assert.Equal(0, Search());

        _ip = "10.0.0.1";
        _clock.Advance(TimeSpan.FromSeconds(EmptyListThrottle.WindowSeconds));
        Assert.Equal(0, Search());
    }

    [Fact]
    public void Superusers_open_rules_unfiltered_and_fruitful_lists_are_never_slowed()
    {
        var open = new Collection { Id = "c_open", Name = "open", ListRule = "" };
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(0, Search(superuser: true));
            Assert.Equal(0, Search(open));
            Assert.Equal(0, Search(filter: ""));
            Assert.Equal(0, Search(found: 1));
        }
    }
}
