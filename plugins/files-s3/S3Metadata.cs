using System.Globalization;
using System.Text;

namespace Satchel.Plugins.FilesS3;

/// <summary>
/// Custom object metadata ("x-amz-meta-*") in the escaped form PocketBase writes and reads, so one
/// bucket works with both: values are percent-encoded like a URL path segment; keys too, and
/// additionally '@', ':' and '=' become "__0x&lt;hex&gt;__". S3 headers then only ever carry ASCII.
/// </summary>
internal static class S3Metadata
{
    public const string HeaderPrefix = "x-amz-meta-";

    public static string EscapeKey(string key)
    {
        var escaped = EscapeValue(key);
        var sb = new StringBuilder(escaped.Length);
        foreach (var c in escaped)
        {
            if (c is '@' or ':' or '=') sb.Append("__0x").Append(((int)c).ToString("x", CultureInfo.InvariantCulture)).Append("__");
            else sb.Append(c);
        }
        return sb.ToString();
    }

    public static string UnescapeKey(string key)
    {
        if (key.StartsWith(HeaderPrefix, StringComparison.OrdinalIgnoreCase)) key = key[HeaderPrefix.Length..];
        return UnescapeValue(HexUnescape(key));
    }

    /// <summary>Percent-encodes everything but letters, digits and "-_.~$&amp;+:=@" (as UTF-8 bytes).</summary>
    public static string EscapeValue(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~' or '$' or '&' or '+' or ':' or '=' or '@') sb.Append(c);
            else sb.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }

    /// <summary>Decodes %XX sequences ('+' stays '+'); a value that isn't valid escaping is returned as is.</summary>
    public static string UnescapeValue(string value)
    {
        if (!value.Contains('%')) return value;
        var bytes = new List<byte>(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c == '%')
            {
                if (i + 2 >= value.Length || !byte.TryParse(value.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var b)) return value;
                bytes.Add(b);
                i += 2;
            }
            else if (c > 127)
            {
                return value;
            }
            else
            {
                bytes.Add((byte)c);
            }
        }
        try { return new UTF8Encoding(false, true).GetString(bytes.ToArray()); }
        catch (DecoderFallbackException) { return value; }
    }

    /// <summary>Reverses the "__0x&lt;hex&gt;__" escapes.</summary>
    private static string HexUnescape(string s)
    {
        if (!s.Contains("__0x", StringComparison.Ordinal)) return s;
        var sb = new StringBuilder(s.Length);
        var i = 0;
        while (i < s.Length)
        {
            if (string.CompareOrdinal(s, i, "__0x", 0, 4) == 0)
            {
                var end = s.IndexOf("__", i + 4, StringComparison.Ordinal);
                if (end > i + 4 && int.TryParse(s.AsSpan(i + 4, end - i - 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code) && code <= 0x10FFFF && code is < 0xD800 or > 0xDFFF)
                {
                    sb.Append(char.ConvertFromUtf32(code));
                    i = end + 2;
                    continue;
                }
            }
            sb.Append(s[i++]);
        }
        return sb.ToString();
    }
}
