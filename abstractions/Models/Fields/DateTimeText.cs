using System.Globalization;
using System.Text.RegularExpressions;

namespace Satchel.Models.Fields;

/// <summary>
/// PocketBase's date-time text: UTC with millisecond precision, "2006-01-02 15:04:05.000Z".
/// Parsing accepts that form, ISO-8601/RFC 3339 variants, plain dates, RFC 1123 and Unix seconds
/// (integers only); anything else is the zero date, which PocketBase writes as "".
/// </summary>
public static partial class DateTimeText
{
    public const string Layout = "yyyy-MM-dd HH:mm:ss.fff'Z'";

    private static readonly string[] Formats =
    [
        "yyyy-MM-dd HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd HH:mm:ss.FFFFFFF K",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF K",
        "yyyy-MM-dd",
        "dd MMM yyyy",
        "r",
    ];

    /// <summary>The current time in PocketBase's format.</summary>
    public static string Now() => Format(DateTimeOffset.UtcNow);

    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(Layout, CultureInfo.InvariantCulture);

    /// <summary>The canonical text of a raw date value ("" when empty or unparsable).</summary>
    public static string Normalize(object? raw) => TryParse(raw, out var value) ? Format(value) : "";

    /// <summary>Parses a raw date value; false for empty, unparsable and zero (year 1) dates.</summary>
    public static bool TryParse(object? raw, out DateTimeOffset value)
    {
        value = default;
        var ok = RawValue.Unwrap(raw) switch
        {
            DateTimeOffset dto => Set(dto, out value),
            DateTime dt => Set(dt.Kind == DateTimeKind.Unspecified ? new DateTimeOffset(dt, TimeSpan.Zero) : new DateTimeOffset(dt.ToUniversalTime()), out value),
            int or long or uint or short or ushort or byte or sbyte => Set(DateTimeOffset.FromUnixTimeSeconds(Convert.ToInt64(RawValue.Unwrap(raw), CultureInfo.InvariantCulture)), out value),
            string s => TryParseText(s, out value),
            _ => false,
        };
        return ok && value.UtcDateTime != DateTime.MinValue;
    }

    private static bool Set(DateTimeOffset input, out DateTimeOffset value)
    {
        value = input.ToUniversalTime();
        return true;
    }

    private static bool TryParseText(string text, out DateTimeOffset value)
    {
        value = default;
        text = text.Trim();
        if (text == "") return false;
        // .NET reads at most 7 fraction digits; Go may print 9.
        text = LongFraction().Replace(text, m => m.Value[..7]);
        // "+0200" offsets and a trailing zone abbreviation (Go's default time text) are not .NET format elements.
        text = TrailingZoneName().Replace(text, "");
        text = CompactOffset().Replace(text, m => m.Groups[1].Value + ":" + m.Groups[2].Value);
        const DateTimeStyles styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (!DateTimeOffset.TryParseExact(text, Formats, CultureInfo.InvariantCulture, styles, out var parsed)) return false;
        value = parsed.ToUniversalTime();
        return true;
    }

    /// <summary>Go's default text of a time (used in PocketBase's date range messages), e.g. "2020-01-01 00:00:00 +0000 UTC".</summary>
    public static string GoString(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        var text = utc.ToString("yyyy-MM-dd HH:mm:ss.FFF", CultureInfo.InvariantCulture);
        return text + " +0000 UTC";
    }

    /// <summary>RFC 3339 with only the needed fraction digits, as Go encodes a time in JSON.</summary>
    public static string Rfc3339(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture) + "Z";

    [GeneratedRegex(@"(?<=:\d\d\.)\d{8,}")]
    private static partial Regex LongFraction();

    [GeneratedRegex(@"(?<=[+-]\d\d:?\d\d) [A-Z]{2,5}$")]
    private static partial Regex TrailingZoneName();

    [GeneratedRegex(@"([+-]\d\d)(\d\d)$")]
    private static partial Regex CompactOffset();
}
