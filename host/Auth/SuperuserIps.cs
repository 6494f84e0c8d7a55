using Microsoft.AspNetCore.Http;
using Satchel.Http.RateLimit;
using Satchel.Settings;

namespace Satchel.Auth;

/// <summary>
/// The superuserIPs setting: when it lists addresses or subnets, superusers are accepted only from
/// them. The client address is the real one (trusted proxy headers included), as for rate limits.
/// </summary>
public static class SuperuserIps
{
    public static bool Allow(AppSettings settings, HttpContext http)
    {
        var allowed = settings.SuperuserIPs;
        if (allowed.Count == 0) return true;
        return System.Net.IPAddress.TryParse(ClientIp.Real(http, settings.TrustedProxy), out var ip) && IpAllowList.Contains(allowed, ip);
    }
}
