using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Satchel.Records;

/// <summary>
/// Applies the <c>fields</c> query parameter to a response: a comma separated list of key paths
/// (<c>*</c> for every key of a level, <c>expand.rel.name</c> for nested ones) with the optional
/// <c>:excerpt(maxLength, withEllipsis?)</c> modifier. For list responses it applies to each item.
/// </summary>
public static partial class FieldsPicker
{
    private sealed class Node
    {
        public readonly Dictionary<string, Node> Children = new(StringComparer.Ordinal);
        public (int Max, bool Ellipsis)? Excerpt;
    }

    /// <summary>Returns <paramref name="data"/> reduced to the requested fields (unchanged when <paramref name="fields"/> is empty).</summary>
    public static JsonNode? Pick(JsonNode? data, string? fields)
    {
        if (string.IsNullOrWhiteSpace(fields) || data == null) return data;
        var tree = Parse(fields);
        if (data is JsonObject list && list.ContainsKey("items") && list.ContainsKey("page") && list["items"] is JsonArray items)
        {
            var picked = new JsonArray(items.Select(i => Apply(i, tree)).ToArray());
            list["items"] = picked;
            return list;
        }
        return Apply(data, tree);
    }

    private static Node Parse(string fields)
    {
        var root = new Node();
        foreach (var raw in SplitTopLevel(fields))
        {
            var item = raw.Trim();
            if (item == "") continue;
            (int, bool)? excerpt = null;
            var m = ExcerptRegex().Match(item);
            if (m.Success)
            {
                item = item[..m.Index];
                var max = int.TryParse(m.Groups[1].Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 0;
                var ellipsis = m.Groups[2].Success && m.Groups[2].Value.Trim().ToLowerInvariant() is "true" or "1" or "t";
                excerpt = (max, ellipsis);
            }
            var node = root;
            foreach (var part in item.Split('.'))
            {
                if (!node.Children.TryGetValue(part, out var next)) node.Children[part] = next = new Node();
                node = next;
            }
            if (excerpt != null) node.Excerpt = excerpt;
        }
        return root;
    }

    // "a:excerpt(10,true),b" must not be split inside the parentheses.
    private static IEnumerable<string> SplitTopLevel(string s)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '(') depth++;
            else if (s[i] == ')') depth = Math.Max(0, depth - 1);
            else if (s[i] == ',' && depth == 0) { yield return s[start..i]; start = i + 1; }
        }
        yield return s[start..];
    }

    private static JsonNode? Apply(JsonNode? data, Node tree)
    {
        switch (data)
        {
            case JsonArray arr:
                return new JsonArray(arr.Select(x => Apply(x, tree)).ToArray());
            case JsonObject obj:
            {
                var result = new JsonObject();
                tree.Children.TryGetValue("*", out var star);
                foreach (var (key, value) in obj.ToList())
                {
                    if (!tree.Children.TryGetValue(key, out var node)) node = star;
                    if (node == null) continue;
                    obj.Remove(key);
                    result[key] = node.Children.Count > 0 ? Apply(value, node) : Excerpt(value, node.Excerpt);
                }
                return result;
            }
            default:
                return data;
        }
    }

    private static JsonNode? Excerpt(JsonNode? value, (int Max, bool Ellipsis)? excerpt)
    {
        if (excerpt == null || value is not JsonValue v || !v.TryGetValue<string>(out var text)) return value;
        return JsonValue.Create(PlainExcerpt(text, excerpt.Value.Max, excerpt.Value.Ellipsis));
    }

    /// <summary>The text without HTML, whitespace collapsed, cut to <paramref name="max"/> characters.</summary>
    public static string PlainExcerpt(string html, int max, bool ellipsis)
    {
        var text = WhitespaceRegex().Replace(System.Net.WebUtility.HtmlDecode(TagRegex().Replace(html, " ")), " ").Trim();
        var runes = text.EnumerateRunes().ToList();
        if (runes.Count <= max) return text;
        var sb = new StringBuilder();
        foreach (var r in runes.Take(Math.Max(0, max))) sb.Append(r.ToString());
        var cut = sb.ToString().TrimEnd();
        return ellipsis ? cut + "..." : cut;
    }

    [GeneratedRegex(@":excerpt\(\s*(\d+)\s*(?:,\s*([^)]*))?\)\s*$")]
    private static partial Regex ExcerptRegex();

    [GeneratedRegex(@"<(script|style)[^>]*>.*?</\1>|<[^>]+>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex TagRegex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceRegex();
}
