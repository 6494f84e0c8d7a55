using System.Net;
using Satchel.Auth;

namespace Satchel.Tests.Auth;

/// <summary>The superuserIPs allow-list: single addresses and CIDR subnets.</summary>
public class IpAllowListTests
{
    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1", true)]
    [InlineData("127.0.0.1", "127.0.0.2", false)]
    [InlineData("10.0.0.0/8", "10.20.30.40", true)]
    [InlineData("10.0.0.0/8", "11.0.0.1", false)]
    [InlineData("::1", "::1", true)]
    [InlineData("192.168.1.0/24", "::ffff:192.168.1.7", true)]
    [InlineData("not-an-ip", "127.0.0.1", false)]
    public void Matches_addresses_and_subnets(string entry, string address, bool expected)
        => Assert.Equal(expected, IpAllowList.Contains(new[] { entry }, IPAddress.Parse(address)));

    [Fact]
    public void An_unknown_address_never_matches()
        => Assert.False(IpAllowList.Contains(new[] { "0.0.0.0/0" }, null));
}
