using Satchel.Http.RateLimit;

namespace Satchel.Tests.RateLimit;

/// <summary>Excluded IPs: single addresses and subnets.</summary>
public sealed class IpRangesTests
{
    private static readonly IpRanges Ranges = new(new[] { "127.0.0.1", "10.0.0.0/8", "192.168.1.77/24", "2001:db8::/32", "not-an-ip", "1.2.3.4/99" });

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("127.0.0.2", false)]
    [InlineData("10.200.3.4", true)]
    [InlineData("11.0.0.1", false)]
    [InlineData("192.168.1.5", true)]
    [InlineData("192.168.2.5", false)]
    [InlineData("2001:db8:1::5", true)]
    [InlineData("2001:db9::5", false)]
    [InlineData("::ffff:10.1.1.1", true)]
    [InlineData("", false)]
    [InlineData("garbage", false)]
    [InlineData("1.2.3.4", false)]
    public void Contains(string ip, bool expected) => Assert.Equal(expected, Ranges.Contains(ip));

    [Fact]
    public void An_empty_list_contains_nothing()
    {
        var none = new IpRanges(Array.Empty<string>());
        Assert.True(none.IsEmpty);
        Assert.False(none.Contains("127.0.0.1"));
    }
}
