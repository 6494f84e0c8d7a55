using System.Net;
using System.Text.RegularExpressions;

namespace Satchel.Settings;

/// <summary>The value formats the settings accept: URLs, e-mail addresses, host names, hex colours, IPs/subnets.</summary>
public static partial class SettingsFormats
{
    private static readonly string[] UrlSchemes = { "http", "https", "ftp", "tcp", "udp", "ws", "wss" };

    /// <summary>An absolute URL (the scheme may be left out, as in "example.com/path").</summary>
    public static bool IsUrl(string value)
    {
        if (value.Length is 0 or > 2083 || value.Any(char.IsWhiteSpace) || value.StartsWith('.')) return false;
        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd >= 0 && !UrlSchemes.Contains(value[..schemeEnd].ToLowerInvariant())) return false;
        var candidate = schemeEnd >= 0 ? value : "http://" + value;
        if (!Uri.TryCreate(candidate, UriKind.Absolute, out var uri)) return false;
        var host = uri.IdnHost;
        return host.Length > 0 && !host.StartsWith('.') && (IsIp(host.Trim('[', ']')) || UrlHost().IsMatch(host));
    }

    public static bool IsEmail(string value) => value.Length <= 254 && Email().IsMatch(value);

    /// <summary>An IP address or a DNS name.</summary>
    public static bool IsHost(string value) => IsIp(value) || (value.Length <= 255 && DnsName().IsMatch(value));

    public static bool IsHexColor(string value) => HexColor().IsMatch(value);

    /// <summary>A single IPv4/IPv6 address or a CIDR subnet ("10.0.0.0/8").</summary>
    public static bool IsIpOrSubnet(string value)
    {
        var slash = value.IndexOf('/');
        if (slash < 0) return IsIp(value);
        var address = value[..slash];
        var bits = value[(slash + 1)..];
        // Like Go's netip.ParsePrefix: host bits may be set, the length is plain decimal.
        if (!IsIp(address) || bits.Length is 0 or > 3 || !bits.All(char.IsAsciiDigit)) return false;
        var max = address.Contains(':') ? 128 : 32;
        return int.Parse(bits) <= max && (bits.Length == 1 || bits[0] != '0');
    }

    private static bool IsIp(string value) => value.Length > 0 && IPAddress.TryParse(value, out var ip)
        // IPAddress.TryParse also takes shorthand like "1" or "1.2"; only full forms count.
        && (ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 || value.Count(c => c == '.') == 3);

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_-]{0,62}(\.[A-Za-z0-9_][A-Za-z0-9_-]{0,62})*[._]?\z")]
    private static partial Regex DnsName();

    [GeneratedRegex(@"^([A-Za-z0-9\u00a1-\uffff]([A-Za-z0-9\u00a1-\uffff_-]*[A-Za-z0-9\u00a1-\uffff])?\.)*[A-Za-z0-9\u00a1-\uffff]([A-Za-z0-9\u00a1-\uffff_-]*[A-Za-z0-9\u00a1-\uffff])?\.?\z")]
    private static partial Regex UrlHost();

    [GeneratedRegex(@"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u00a0-\uffff-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u00a0-\uffff-]+)*@([A-Za-z0-9\u00a0-\uffff]([A-Za-z0-9\u00a0-\uffff_~-]*[A-Za-z0-9\u00a0-\uffff])?\.)+[A-Za-z\u00a0-\uffff]([A-Za-z0-9\u00a0-\uffff_~-]*[A-Za-z\u00a0-\uffff])?\.?\z")]
    private static partial Regex Email();

    [GeneratedRegex(@"^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})\z")]
    private static partial Regex HexColor();
}
