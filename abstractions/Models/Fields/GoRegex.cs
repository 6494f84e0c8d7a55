using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Satchel.Models.Fields;

/// <summary>
/// User supplied patterns (text/password "pattern", "autogeneratePattern") are Go RE2 expressions.
/// This compiles them with .NET while keeping RE2's meaning where the two differ in practice:
/// \w, \d and \s are ASCII only, "$" matches only at the very end, "(?P&lt;name&gt;…)" is a named
/// group, and constructs RE2 rejects (look-arounds, back-references, atomic groups, repeat counts
/// over 1000) are rejected here too, with RE2-like messages.
/// </summary>
public static partial class GoRegex
{
    private static readonly ConcurrentDictionary<string, Regex?> Cache = new(StringComparer.Ordinal);
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Null when the pattern is valid, otherwise the reason (e.g. "error parsing regexp: missing closing ): `(a`").</summary>
    public static string? Check(string pattern)
    {
        if (FindUnsupported(pattern) is { } unsupported) return unsupported;
        try
        {
            _ = new Regex(Translate(pattern), RegexOptions.CultureInvariant, MatchTimeout);
            return null;
        }
        catch (RegexParseException ex)
        {
            return $"error parsing regexp: {Describe(ex.Error)}: `{pattern}`";
        }
    }

    /// <summary>Searches <paramref name="input"/> for the pattern (unanchored, like Go's MatchString). Invalid patterns never match.</summary>
    public static bool IsMatch(string pattern, string input)
    {
        if (Cache.Count > 1000) Cache.Clear(); // patterns come from field settings; keep the cache bounded anyway
        var regex = Cache.GetOrAdd(pattern, p => Check(p) == null ? new Regex(Translate(p), RegexOptions.CultureInvariant, MatchTimeout) : null);
        if (regex == null) return false;
        try
        {
            return regex.IsMatch(input);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static string Describe(RegexParseError error) => error switch
    {
        RegexParseError.InsufficientClosingParentheses => "missing closing )",
        RegexParseError.InsufficientOpeningParentheses => "unexpected )",
        RegexParseError.UnterminatedBracket => "missing closing ]",
        RegexParseError.QuantifierAfterNothing => "missing argument to repetition operator",
        RegexParseError.NestedQuantifiersNotParenthesized => "invalid nested repetition operator",
        RegexParseError.ReversedCharacterRange => "invalid character class range",
        RegexParseError.ReversedQuantifierRange => "invalid repeat count",
        RegexParseError.UnescapedEndingBackslash => "trailing backslash at end of expression",
        RegexParseError.UnrecognizedEscape or RegexParseError.UnrecognizedControlCharacter => "invalid escape sequence",
        _ => "invalid or unsupported syntax",
    };

    /// <summary>RE2-only restrictions that .NET would otherwise accept.</summary>
    private static string? FindUnsupported(string pattern)
    {
        foreach (var construct in new[] { "(?=", "(?!", "(?<=", "(?<!", "(?>" })
        {
            if (IndexOutsideClass(pattern, construct) >= 0)
                return $"error parsing regexp: invalid or unsupported Perl syntax: `{construct}`";
        }
        if (BackReference().Match(pattern) is { Success: true } backRef && !IsEscaped(pattern, backRef.Index))
            return $"error parsing regexp: invalid escape sequence: `{backRef.Value}`";
        foreach (Match m in RepeatCount().Matches(pattern))
        {
            foreach (var group in new[] { m.Groups[1], m.Groups[2] })
            {
                if (group.Success && group.Value != "" && (group.Value.Length > 4 || int.Parse(group.Value) > 1000))
                    return $"error parsing regexp: invalid repeat count: `{m.Value}`";
            }
        }
        return null;
    }

    private static bool IsEscaped(string pattern, int index)
    {
        var slashes = 0;
        for (var i = index - 1; i >= 0 && pattern[i] == '\\'; i--) slashes++;
        return slashes % 2 == 1;
    }

    private static int IndexOutsideClass(string pattern, string construct)
    {
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\') { i++; continue; }
            if (inClass) { if (c == ']') inClass = false; continue; }
            if (c == '[') { inClass = true; if (i + 1 < pattern.Length && pattern[i + 1] == ']') i++; continue; }
            if (string.CompareOrdinal(pattern, i, construct, 0, construct.Length) == 0) return i;
        }
        return -1;
    }

    /// <summary>Rewrites the RE2 constructs whose .NET meaning differs.</summary>
    private static string Translate(string pattern)
    {
        var multiline = MultilineFlag().IsMatch(pattern);
        var sb = new StringBuilder(pattern.Length + 16);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[i + 1];
                i++;
                var ascii = next switch
                {
                    'w' => inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]",
                    'W' => inClass ? null : "[^a-zA-Z0-9_]",
                    'd' => inClass ? "0-9" : "[0-9]",
                    'D' => inClass ? null : "[^0-9]",
                    's' => inClass ? @"\t\n\f\r " : @"[\t\n\f\r ]",
                    'S' => inClass ? null : @"[^\t\n\f\r ]",
                    _ => null,
                };
                sb.Append(ascii ?? "\\" + next);
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
                sb.Append(c);
                continue;
            }
            if (c == '[')
            {
                inClass = true;
                sb.Append(c);
                if (i + 1 < pattern.Length && pattern[i + 1] == '^') { sb.Append('^'); i++; }
                if (i + 1 < pattern.Length && pattern[i + 1] == ']') { sb.Append("\\]"); i++; }
                continue;
            }
            if (c == '$' && !multiline) { sb.Append(@"\z"); continue; }
            if (c == '(' && string.CompareOrdinal(pattern, i, "(?P<", 0, 4) == 0) { sb.Append("(?<"); i += 3; continue; }
            sb.Append(c);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"\\[1-9]")]
    private static partial Regex BackReference();

    [GeneratedRegex(@"\{(\d+)(?:,(\d*))?\}")]
    private static partial Regex RepeatCount();

    [GeneratedRegex(@"\(\?[a-zA-Z]*m[a-zA-Z]*[:)]")]
    private static partial Regex MultilineFlag();
}
