using System.Net;
using Microsoft.AspNetCore.Http;
using Satchel.Http.RateLimit;
using Satchel.Settings;

namespace Satchel.Tests.RateLimit;

/// <summary>The client IP the limiter counts by: trusted proxy headers only, else the remote address.</summary>
public sealed class ClientIpTests
{
    private static HttpContext Request(string remote, params (string Name, string Value)[] headers)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        foreach (var (name, value) in headers) http.Request.Headers.Append(name, value);
        return http;
    }

    private static TrustedProxySettings Trust(bool leftmost = false, params string[] headers) => new() { Headers = headers.ToList(), UseLeftmostIP = leftmost };

    [Fact]
    public void Untrusted_headers_are_ignored()
        => Assert.Equal("10.0.0.9", ClientIp.Real(Request("10.0.0.9", ("X-Forwarded-For", "6.6.6.6")), Trust()));

    [Theory]
    [InlineData(false, "3.3.3.3")]
    [InlineData(true, "1.1.1.1")]
    public void Takes_the_rightmost_or_leftmost_valid_ip_of_a_trusted_header(bool leftmost, string expected)
    {
        var http = Request("10.0.0.9", ("X-Forwarded-For", "garbage, 1.1.1.1, 2.2.2.2 ,3.3.3.3, not-an-ip"));
        Assert.Equal(expected, ClientIp.Real(http, Trust(leftmost, "X-Forwarded-For")));
    }

    [Fact]
    public void Uses_the_last_occurrence_of_a_repeated_header()
    {
        var http = Request("10.0.0.9", ("X-Real-IP", "1.1.1.1"), ("X-Real-IP", "2.2.2.2"));
        Assert.Equal("2.2.2.2", ClientIp.Real(http, Trust(false, "X-Real-IP")));
    }

    [Fact]
    public void Tries_the_trusted_headers_in_order_then_the_remote_address()
    {
        var trust = Trust(false, "CF-Connecting-IP", "X-Real-IP");
        Assert.Equal("4.4.4.4", ClientIp.Real(Request("10.0.0.9", ("X-Real-IP", "4.4.4.4")), trust));
        Assert.Equal("5.5.5.5", ClientIp.Real(Request("10.0.0.9", ("X-Real-IP", "4.4.4.4"), ("CF-Connecting-IP", "5.5.5.5")), trust));
        Assert.Equal("10.0.0.9", ClientIp.Real(Request("10.0.0.9", ("X-Real-IP", "bogus")), trust));
    }

    [Fact]
    public void An_ipv4_client_on_an_ipv6_socket_is_its_ipv4_address()
        => Assert.Equal("192.0.2.7", ClientIp.Real(Request("::ffff:192.0.2.7"), Trust()));
}
