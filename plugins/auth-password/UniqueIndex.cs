using System.Text.RegularExpressions;

namespace Satchel.Plugins.AuthPassword;

/// <summary>
/// Finds the single-column UNIQUE index of a column among a collection's CREATE INDEX statements.
/// An identity field must have one, and its COLLATE decides whether lookups ignore case.
/// </summary>
internal static partial class UniqueIndex
{
    [GeneratedRegex(@"create\s+(unique\s+)?\s*index\s*(?:if\s+not\s+exists\s+)?\S*\s+on\s+\S*\s*\(([\s\S]*)\)(?:\s*where\s+[\s\S]*)?", RegexOptions.IgnoreCase)]
    private static partial Regex CreateIndex();

    [GeneratedRegex(@"^([\s\S]+?)(?:\s+collate\s+(\w+))?(?:\s+(?:asc|desc))?$", RegexOptions.IgnoreCase)]
    private static partial Regex Column();

    private const string TrimChars = "`\"'[] \t\r\n\f\v";

    /// <summary>Whether <paramref name="column"/> has a single-column unique index, and whether that index is COLLATE NOCASE.</summary>
    public static (bool Found, bool NoCase) Find(IEnumerable<string> indexes, string column)
    {
        foreach (var sql in indexes)
        {
            var m = CreateIndex().Match(sql);
            if (!m.Success || !m.Groups[1].Success) continue;
            var columns = SplitTopLevel(m.Groups[2].Value).Where(c => c.Trim() != "").ToList();
            if (columns.Count != 1) continue;
            var c = Column().Match(columns[0].Trim());
            if (!c.Success) continue;
            if (!string.Equals(c.Groups[1].Value.Trim(TrimChars.ToCharArray()), column, StringComparison.OrdinalIgnoreCase)) continue;
            return (true, string.Equals(c.Groups[2].Value, "nocase", StringComparison.OrdinalIgnoreCase));
        }
        return (false, false);
    }

    /// <summary>Splits on commas outside parentheses and quotes.</summary>
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        char? quote = null;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quote != null) { if (ch == quote) quote = null; continue; }
            switch (ch)
            {
                case '\'' or '"' or '`': quote = ch; break;
                case '[': quote = ']'; break;
                case '(': depth++; break;
                case ')': depth--; break;
                case ',' when depth == 0:
                    yield return text[start..i];
                    start = i + 1;
                    break;
            }
        }
        yield return text[start..];
    }
}
