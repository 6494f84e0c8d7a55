using System.Net;
using Microsoft.AspNetCore.Http;
using Satchel.Settings;

namespace Satchel.Http.RateLimit;

/// <summary>
/// The client's IP as PocketBase determines it: from the trusted proxy headers of the settings
/// (their last occurrence; the rightmost valid IP, or the leftmost with useLeftmostIP), else the
/// connection's remote address. Headers not listed in the settings are never believed.
/// </summary>
public static class ClientIp
{
    public static string Real(HttpContext http, TrustedProxySettings proxy)
    {
        foreach (var name in proxy.Headers)
        {
            var values = http.Request.Headers[name];
            if (values.Count == 0) continue;
            // The last header is the one the nearest proxy wrote.
            var list = values[values.Count - 1];
            if (string.IsNullOrEmpty(list)) continue;

            var parts = list.Split(',');
            if (proxy.UseLeftmostIP)
            {
                foreach (var part in parts)
                    if (Parse(part) is { } ip) return ip;
            }
            else
            {
                for (var i = parts.Length - 1; i >= 0; i--)
                    if (Parse(parts[i]) is { } ip) return ip;
            }
        }
        return Remote(http);
    }

    /// <summary>The connection's remote address ("" when unknown, e.g. in-process requests).</summary>
    public static string Remote(HttpContext http)
        => http.Connection.RemoteIpAddress is { } ip ? Normalize(ip).ToString() : "";

    private static string? Parse(string raw)
        => IPAddress.TryParse(raw.Trim(), out var ip) && !raw.Contains('/') ? Normalize(ip).ToString() : null;

    /// <summary>IPv4 clients reached over an IPv6 socket count as their IPv4 address.</summary>
    public static IPAddress Normalize(IPAddress ip) => ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip;
}
