using System.Text;

namespace Satchel.Collections;

/// <summary>
/// Splits SQL-ish text on separator characters that are outside quotes ('…', "…", `…`) and
/// parentheses. Used to read index definitions and view queries without a full SQL parser.
/// </summary>
public static class SqlSplitter
{
    /// <summary>The parts between separators, trimmed, empty ones dropped. Throws <see cref="FormatException"/> on unbalanced quotes or parentheses.</summary>
    public static List<string> Split(string text, params char[] separators) => Split(text, separators, keepSeparator: false);

    public static List<string> Split(string text, char[] separators, bool keepSeparator)
    {
        var parts = new List<string>();
        var buf = new StringBuilder();
        var depth = 0;
        var quote = '\0';
        var prev = '\0';
        foreach (var ch in text)
        {
            if (prev != '\\')
            {
                if (quote == '\0' && ch == '(') depth++;
                else if (quote == '\0' && ch == ')' && depth > 0) depth--;
                else if (ch is '\'' or '"' or '`')
                {
                    if (quote == ch) quote = '\0';
                    else if (quote == '\0') quote = ch;
                }
            }
            if (depth == 0 && quote == '\0' && Array.IndexOf(separators, ch) >= 0)
            {
                if (keepSeparator) buf.Append(ch);
                Flush();
                prev = ch;
                continue;
            }
            buf.Append(ch);
            prev = ch;
        }
        if (depth > 0 || quote != '\0') throw new FormatException($"unbalanced parenthesis or quoted expression: \"{buf}\"");
        Flush();
        return parts;

        void Flush()
        {
            var token = TrimWhitespaceExcept(buf.ToString(), separators);
            if (token.Length > 0) parts.Add(token);
            buf.Clear();
        }
    }

    private static string TrimWhitespaceExcept(string s, char[] separators)
    {
        int start = 0, end = s.Length;
        while (start < end && char.IsWhiteSpace(s[start]) && Array.IndexOf(separators, s[start]) < 0) start++;
        while (end > start && char.IsWhiteSpace(s[end - 1]) && Array.IndexOf(separators, s[end - 1]) < 0) end--;
        return s[start..end];
    }
}
