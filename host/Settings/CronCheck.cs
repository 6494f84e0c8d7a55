using System.Text.RegularExpressions;
using Cronos;

namespace Satchel.Settings;

/// <summary>
/// Checks a backups cron expression the way PocketBase's scheduler reads them: one of its
/// macros, or exactly five single-space separated fields (minute hour day month weekday) made of
/// numbers, "*", ranges, lists and steps — no names, no L/W/#/?, weekday 0-6.
/// </summary>
public static partial class CronCheck
{
    private static readonly Dictionary<string, string> Macros = new(StringComparer.Ordinal)
    {
        ["@yearly"] = "0 0 1 1 *",
        ["@annually"] = "0 0 1 1 *",
        ["@monthly"] = "0 0 1 * *",
        ["@weekly"] = "0 0 * * 0",
        ["@daily"] = "0 0 * * *",
        ["@midnight"] = "0 0 * * *",
        ["@hourly"] = "0 * * * *",
    };

    private static readonly int[] FieldMax = { 59, 23, 31, 12, 6 };

    /// <summary>Null when valid, otherwise why not.</summary>
    public static string? Problem(string expression)
    {
        if (Macros.TryGetValue(expression, out var expanded)) expression = expanded;

        var fields = expression.Split(' ');
        if (fields.Length != 5)
            return "invalid cron expression - must be a valid macro or to have exactly 5 space separated segments";

        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            foreach (var item in field.Split(','))
            {
                var m = Item().Match(item);
                if (!m.Success) return $"invalid cron segment \"{field}\"";
                // A step needs "*" or a range to walk over ("5/10" is rejected).
                if (m.Groups["step"].Success && !m.Groups["star"].Success && !m.Groups["to"].Success)
                    return "invalid segment step - step > 1 could be used only with the wildcard or range format";
                if (m.Groups["step"].Success && (!int.TryParse(m.Groups["step"].Value, out var step) || step < 1 || step > FieldMax[i]))
                    return $"invalid segment step boundary - the step must be between 1 and the {FieldMax[i]}";
            }
        }
        if (fields[4].Split(',', '-', '/').Any(v => v == "7"))
            return "invalid segment value - the day of the week must be between 0 and 6";

        try
        {
            CronExpression.Parse(expression, CronFormat.Standard);
            return null;
        }
        catch (CronFormatException e)
        {
            return e.Message;
        }
    }

    [GeneratedRegex(@"^(?:(?<star>\*)|(?<from>[0-9]+)(?:-(?<to>[0-9]+))?)(?:/(?<step>[0-9]+))?\z")]
    private static partial Regex Item();
}
