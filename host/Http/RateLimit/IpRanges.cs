using System.Globalization;
using System.Net;

namespace Satchel.Http.RateLimit;

/// <summary>A list of IPs and CIDR subnets (e.g. settings.rateLimits.excludedIPs), parsed once.</summary>
public sealed class IpRanges
{
    private readonly List<(byte[] Network, int Bits)> _subnets = new();
    private readonly HashSet<IPAddress> _addresses = new();

    public IpRanges(IEnumerable<string> items)
    {
        foreach (var raw in items)
        {
            var item = raw.Trim();
            var slash = item.IndexOf('/');
            if (slash < 0)
            {
                if (IPAddress.TryParse(item, out var ip)) _addresses.Add(ClientIp.Normalize(ip));
                continue;
            }
            // Like Go's netip prefixes, "10.1.2.3/8" is accepted and means 10.0.0.0/8.
            if (!IPAddress.TryParse(item[..slash], out var network)) continue;
            if (!int.TryParse(item[(slash + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var bits)) continue;
            var bytes = network.GetAddressBytes();
            if (bits > bytes.Length * 8) continue;
            _subnets.Add((bytes, bits));
        }
    }

    public bool IsEmpty => _subnets.Count == 0 && _addresses.Count == 0;

    public bool Contains(string ip)
    {
        if (IsEmpty || !IPAddress.TryParse(ip, out var parsed)) return false;
        parsed = ClientIp.Normalize(parsed);
        if (_addresses.Contains(parsed)) return true;
        var bytes = parsed.GetAddressBytes();
        return _subnets.Any(s => s.Network.Length == bytes.Length && SamePrefix(s.Network, bytes, s.Bits));
    }

    private static bool SamePrefix(byte[] a, byte[] b, int bits)
    {
        var whole = bits / 8;
        for (var i = 0; i < whole; i++)
            if (a[i] != b[i]) return false;
        var rest = bits % 8;
        if (rest == 0) return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (b[whole] & mask);
    }
}
