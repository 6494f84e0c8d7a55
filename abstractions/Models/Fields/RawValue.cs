using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Satchel.Models.Fields;

/// <summary>
/// Loose conversions of raw field input (JSON elements and nodes, form strings, DB values, CLR
/// values) into plain values. They never throw: like PocketBase, a value that cannot be converted
/// becomes the zero value of the target type and validation reports what is wrong.
/// </summary>
public static class RawValue
{
    /// <summary>
    /// Replaces JSON wrappers by CLR values: strings, doubles (all JSON numbers, as a JSON decoder
    /// would produce), bools, null, <c>List&lt;object?&gt;</c> and <c>Dictionary&lt;string, object?&gt;</c>.
    /// </summary>
    public static object? Unwrap(object? raw) => raw switch
    {
        null or DBNull => null,
        JsonElement e => FromElement(e),
        JsonNode n => FromElement(JsonSerializer.SerializeToElement(n)),
        _ => raw,
    };

    private static object? FromElement(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => e.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.Object => e.EnumerateObject().GroupBy(p => p.Name).ToDictionary(g => g.Key, g => FromElement(g.Last().Value)),
        _ => null,
    };

    /// <summary>A scalar as text; lists, objects and unknown values become "".</summary>
    public static string ToText(object? raw) => Unwrap(raw) switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => GoFormat.FormatF(d),
        float f => GoFormat.FormatF(f),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IConvertible integer and (sbyte or byte or short or ushort or int or uint or long or ulong) => integer.ToString(CultureInfo.InvariantCulture),
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        char c => c.ToString(),
        _ => "",
    };

    /// <summary>A number; unparsable text and non-scalars become 0.</summary>
    public static double ToNumber(object? raw) => Unwrap(raw) switch
    {
        null => 0,
        bool b => b ? 1 : 0,
        double d => d,
        float f => f,
        decimal m => (double)m,
        IConvertible integer and (sbyte or byte or short or ushort or int or uint or long or ulong) => integer.ToDouble(CultureInfo.InvariantCulture),
        string s => ParseNumber(s),
        byte[] bytes => ParseNumber(Encoding.UTF8.GetString(bytes)),
        _ => 0,
    };

    /// <summary>Parses a number the way Go's strconv does (no surrounding spaces; inf/nan words allowed); 0 when invalid.</summary>
    public static double ParseNumber(string s)
    {
        switch (s.ToLowerInvariant())
        {
            case "inf" or "+inf" or "infinity" or "+infinity": return double.PositiveInfinity;
            case "-inf" or "-infinity": return double.NegativeInfinity;
            case "nan": return double.NaN;
        }
        const NumberStyles style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;
        return double.TryParse(s, style, CultureInfo.InvariantCulture, out var d) ? d : 0;
    }

    /// <summary>A boolean: true, non-zero numbers and Go's true words ("1", "t", "true", …).</summary>
    public static bool ToBool(object? raw) => Unwrap(raw) switch
    {
        null => false,
        bool b => b,
        string s => s is "1" or "t" or "T" or "true" or "TRUE" or "True",
        byte[] bytes => ToBool(Encoding.UTF8.GetString(bytes)),
        var v when IsNumber(v) => ToNumber(v) != 0,
        _ => false,
    };

    private static bool IsNumber(object v) => v is double or float or decimal or sbyte or byte or short or ushort or int or uint or long or ulong;

    /// <summary>
    /// A list of distinct non-empty strings. A string holding a JSON array of strings (as stored in
    /// multi-value columns) is expanded; any other string is a single item.
    /// </summary>
    public static List<string> ToUniqueStrings(object? raw)
    {
        var items = new List<string>();
        switch (Unwrap(raw))
        {
            case null:
                break;
            case string s:
                AddFromString(items, s);
                break;
            case byte[] bytes:
                AddFromString(items, Encoding.UTF8.GetString(bytes));
                break;
            case IEnumerable<string> strings:
                items.AddRange(strings);
                break;
            case IDictionary:
                break;
            case IEnumerable list:
                foreach (var item in list) items.Add(ToText(item));
                break;
        }
        return Distinct(items);
    }

    private static void AddFromString(List<string> items, string s)
    {
        if (s == "") return;
        if (s.Contains('[') && TryParseStringArray(s, out var parsed))
            items.AddRange(parsed);
        else
            items.Add(s);
    }

    private static bool TryParseStringArray(string s, out List<string> result)
    {
        result = new List<string>();
        if (TryParsePlainStringArray(s, result)) return true;
        result.Clear();
        try
        {
            using var doc = JsonDocument.Parse(s);
            if (doc.RootElement.ValueKind == JsonValueKind.Null) return true;
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return false;
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.Null) continue;
                if (item.ValueKind != JsonValueKind.String) return false;
                result.Add(item.GetString()!);
            }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// The array form stored values nearly always have, ["a","b"] without escapes, read without a
    /// JSON parser; false (with <paramref name="result"/> partly filled) for anything else.
    /// </summary>
    private static bool TryParsePlainStringArray(string s, List<string> result)
    {
        var span = s.AsSpan().Trim();
        if (span.Length < 2 || span[0] != '[' || span[^1] != ']') return false;
        var i = SkipSpace(span, 1);
        if (span[i] == ']') return i == span.Length - 1;
        while (true)
        {
            if (span[i] != '"') return false;
            var length = span[(i + 1)..].IndexOfAny('"', '\\');
            if (length < 0 || span[i + 1 + length] == '\\' || span.Slice(i + 1, length).ContainsAnyInRange('\0', '\u001f')) return false;
            result.Add(span.Slice(i + 1, length).ToString());
            i = SkipSpace(span, i + length + 2);
            if (span[i] == ']') return i == span.Length - 1;
            if (span[i] != ',') return false;
            i = SkipSpace(span, i + 1);
        }
    }

    private static int SkipSpace(ReadOnlySpan<char> span, int i)
    {
        while (i < span.Length - 1 && span[i] is ' ' or '\t' or '\n' or '\r') i++;
        return i;
    }

    /// <summary>Drops empty strings and repeats, keeping the first occurrence's position.</summary>
    public static List<string> Distinct(IEnumerable<string> items)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var item in items)
        {
            if (item == "" || !seen.Add(item)) continue;
            result.Add(item);
        }
        return result;
    }
}
