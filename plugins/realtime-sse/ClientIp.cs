using Microsoft.AspNetCore.Http;
using Satchel.Settings;

namespace Satchel.Plugins.RealtimeSse;

/// <summary>
/// The requester's IP as PocketBase's RealIP sees it: from the first configured trusted-proxy
/// header that has a value (its leftmost or rightmost entry, per the settings), else the
/// connection's remote address. Subscriptions must come from the IP that opened the stream.
/// </summary>
internal static class ClientIp
{
    /// <summary>Client store key of the IP that opened the connection.</summary>
    public const string StoreKey = "pbRealtimeClientIP";

    public static string Of(HttpContext http, AppSettings settings)
    {
        foreach (var header in settings.TrustedProxy.Headers)
        {
            var value = http.Request.Headers[header].ToString();
            if (string.IsNullOrWhiteSpace(value)) continue;
            var parts = value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0) continue;
            return settings.TrustedProxy.UseLeftmostIP ? parts[0] : parts[^1];
        }

        var remote = http.Connection.RemoteIpAddress;
        if (remote is { IsIPv4MappedToIPv6: true }) remote = remote.MapToIPv4();
        return remote?.ToString() ?? "";
    }
}
