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
    public static string Normalize(object? raw)
    {
        // stored values are already canonical: keep them as they are
        if (raw is string s && TryParseCanonical(s, out var stored)) return stored.UtcDateTime == DateTime.MinValue ? "" : s;
        return TryParse(raw, out var value) ? Format(value) : "";
    }

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
        if (TryParseCanonical(text, out value)) return true;
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

    /// <summary>Reads exactly <see cref="Layout"/> ("2006-01-02 15:04:05.000Z") without the general parser.</summary>
    private static bool TryParseCanonical(string text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length != 24 || text[4] != '-' || text[7] != '-' || text[10] != ' ' || text[13] != ':' || text[16] != ':'
            || text[19] != '.' || text[23] != 'Z') return false;
        if (!Digits(text, 0, 4, out var year) || !Digits(text, 5, 2, out var month) || !Digits(text, 8, 2, out var day)
            || !Digits(text, 11, 2, out var hour) || !Digits(text, 14, 2, out var minute) || !Digits(text, 17, 2, out var second)
            || !Digits(text, 20, 3, out var ms)) return false;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return false;
        value = new DateTimeOffset(year, month, day, hour, minute, second, ms, TimeSpan.Zero);
        return true;
    }

    private static bool Digits(string text, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = text[i] - '0';
            if ((uint)d > 9) return false;
            number = number * 10 + d;
        }
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
