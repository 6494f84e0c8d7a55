using System.Globalization;

namespace Satchel.Rules.Sql;

/// <summary>
/// The <c>@now</c> family of identifiers: UTC datetimes as PocketBase's
/// "2006-01-02 15:04:05.000Z" strings, or numbers for the date parts.
/// </summary>
public static class DateMacros
{
    public const string DateTimeFormat = "yyyy-MM-dd HH:mm:ss.fff'Z'";

    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "@now", "@yesterday", "@tomorrow", "@second", "@minute", "@hour", "@day", "@month", "@weekday", "@year",
        "@todayStart", "@todayEnd", "@monthStart", "@monthEnd", "@yearStart", "@yearEnd",
    };

    /// <summary>The value of macro <paramref name="name"/> at <paramref name="now"/>, or false when it is not a macro.</summary>
    public static bool TryGetValue(string name, DateTimeOffset now, out object? value)
    {
        var t = now.UtcDateTime;
        var endOfDay = TimeSpan.FromDays(1) - TimeSpan.FromMilliseconds(1);
        value = name switch
        {
            "@now" => Format(t),
            "@yesterday" => Format(t.AddDays(-1)),
            "@tomorrow" => Format(t.AddDays(1)),
            "@second" => (long)t.Second,
            "@minute" => (long)t.Minute,
            "@hour" => (long)t.Hour,
            "@day" => (long)t.Day,
            "@month" => (long)t.Month,
            "@weekday" => (long)(int)t.DayOfWeek,
            "@year" => (long)t.Year,
            "@todayStart" => Format(t.Date),
            "@todayEnd" => Format(t.Date + endOfDay),
            "@monthStart" => Format(new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc)),
            "@monthEnd" => Format(new DateTime(t.Year, t.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1).AddDays(-1) + endOfDay),
            "@yearStart" => Format(new DateTime(t.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            "@yearEnd" => Format(new DateTime(t.Year, 12, 31, 0, 0, 0, DateTimeKind.Utc) + endOfDay),
            _ => null,
        };
        return value != null;
    }

    public static string Format(DateTime utc) => utc.ToString(DateTimeFormat, CultureInfo.InvariantCulture);
}
