using System.Net;
using System.Text.RegularExpressions;

namespace Satchel.Models.Fields;

/// <summary>Format checks for domains, email addresses and URLs as used by the email and url fields.</summary>
public static partial class AddressRules
{
    /// <summary>A DNS name with at least two labels and an alphabetic (or punycode) top level label.</summary>
    public static bool IsDomain(string value) => value.Length <= 255 && DomainPattern().IsMatch(value);

    /// <summary>
    /// An address "local@domain": a dot-atom or quoted local part of at most 64 bytes and a domain
    /// of letters, digits and hyphens with at least one dot and an alphabetic last label.
    /// </summary>
    public static bool IsEmail(string value)
    {
        if (value.Length is < 3 or > 254) return false;
        var at = value.LastIndexOf('@');
        if (at <= 0 || at == value.Length - 1) return false;
        var local = value[..at];
        var domain = value[(at + 1)..];
        if (System.Text.Encoding.UTF8.GetByteCount(local) > 64) return false;
        if (!LocalPartPattern().IsMatch(local) && !QuotedLocalPattern().IsMatch(local)) return false;
        return EmailDomainPattern().IsMatch(domain);
    }

    /// <summary>The part after the last "@" (what only/except domain lists are compared with).</summary>
    public static string EmailDomain(string email) => email[(email.LastIndexOf('@') + 1)..];

    /// <summary>
    /// An absolute URL (http, https, ftp, ws, wss, tcp or udp; the scheme may be left out) whose host
    /// is a domain name, "localhost" or an IP address, without spaces.
    /// </summary>
    public static bool IsUrl(string value)
    {
        if (value.Length is 0 or > 2083 || value.StartsWith('.') || value.Any(char.IsWhiteSpace)) return false;
        var schemeEnd = value.IndexOf("://", StringComparison.Ordinal);
        var withScheme = schemeEnd >= 0 ? value : "http://" + value;
        if (schemeEnd >= 0 && !AllowedSchemes.Contains(value[..schemeEnd].ToLowerInvariant())) return false;
        if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri)) return false;
        var host = uri.IdnHost.Trim('[', ']');
        if (host == "") return false;
        return host == "localhost" || IPAddress.TryParse(host, out _) || UrlHostPattern().IsMatch(uri.Host);
    }

    private static readonly HashSet<string> AllowedSchemes = ["http", "https", "ftp", "ws", "wss", "tcp", "udp"];

    /// <summary>
    /// The host (with port, as written) of a URL that has a scheme; "" otherwise — a URL written
    /// without a scheme has no host in Go's URL parser, so domain lists never match it.
    /// </summary>
    public static string UrlHost(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return "";
        var rest = url[(schemeEnd + 3)..];
        var end = rest.IndexOfAny(['/', '?', '#']);
        var authority = end < 0 ? rest : rest[..end];
        var at = authority.LastIndexOf('@');
        return at < 0 ? authority : authority[(at + 1)..];
    }

    [GeneratedRegex(@"^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+(?:[a-zA-Z]{1,63}|xn--[a-z0-9]{1,59})$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex(@"^[\w!#$%&'*+/=?^`{|}~\u00A0-\uFFEF-]+(?:\.[\w!#$%&'*+/=?^`{|}~\u00A0-\uFFEF-]+)*$")]
    private static partial Regex LocalPartPattern();

    [GeneratedRegex(@"^""(?:[^""\\\r\n]|\\.)*""$")]
    private static partial Regex QuotedLocalPattern();

    [GeneratedRegex(@"^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+[\p{L}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?$")]
    private static partial Regex EmailDomainPattern();

    [GeneratedRegex(@"^(?:[\p{L}\p{N}_](?:[\p{L}\p{N}_-]*[\p{L}\p{N}_])?\.)+[\p{L}\p{N}-]{2,}\.?$")]
    private static partial Regex UrlHostPattern();
}
