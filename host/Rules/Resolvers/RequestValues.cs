using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Satchel.Rules.Resolvers;

/// <summary>Reads nested values out of request data (dictionaries, lists and JSON nodes) and normalises them to SQL-bindable values.</summary>
internal static class RequestValues
{
    /// <summary>Follows <paramref name="keys"/> (map keys or list indexes); false when a key is missing.</summary>
    public static bool TryExtract(object? root, IReadOnlyList<string> keys, out object? value)
    {
        value = root;
        foreach (var key in keys)
        {
            if (!TryStep(value, key, out value)) { value = null; return false; }
        }
        return true;
    }

    private static bool TryStep(object? container, string key, out object? value)
    {
        value = null;
        switch (container)
        {
            case JsonObject o:
                return o.TryGetPropertyValue(key, out var n) && Assign(n, out value);
            case JsonArray a:
                return TryIndex(key, a.Count, out var ai) && Assign(a[ai], out value);
            case IReadOnlyDictionary<string, object?> d:
                return d.TryGetValue(key, out value);
            case IReadOnlyDictionary<string, string> s:
                if (s.TryGetValue(key, out var sv)) { value = sv; return true; }
                return false;
            case IDictionary dict:
                if (dict.Contains(key)) { value = dict[key]; return true; }
                return false;
            case string:
                return false;
            case IList list:
                return TryIndex(key, list.Count, out var li) && Assign(list[li], out value);
            default:
                return false;
        }
    }

    private static bool Assign(object? v, out object? value)
    {
        value = v;
        return true;
    }

    private static bool TryIndex(string key, int count, out int index)
        => int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out index) && index < count;

    /// <summary>A plain value for binding: text, number, bool or null; structures become JSON text.</summary>
    public static object? ToPlain(object? value) => value switch
    {
        null => null,
        string or bool or double or float or int or long or short or byte or decimal or uint or ulong => value,
        JsonValue jv => jv.GetValueKind() switch
        {
            JsonValueKind.String => jv.GetValue<string>(),
            JsonValueKind.Number => double.Parse(jv.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            _ => jv.ToJsonString(),
        },
        JsonNode node => node.ToJsonString(),
        JsonElement e => ToPlain(JsonSerializer.SerializeToNode(e)),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => JsonSerializer.Serialize(value),
    };

    /// <summary>The items of a list value; a single value is one item, null none.</summary>
    public static List<object?> ToList(object? value) => value switch
    {
        null => [],
        JsonArray a => a.Select(n => (object?)n).ToList(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Null => [],
        string s => [s],
        IEnumerable e and not IDictionary => e.Cast<object?>().ToList(),
        _ => [value],
    };

    /// <summary>The distinct non-empty strings of a list value (relation ids), also accepting a JSON array string.</summary>
    public static List<string> ToUniqueStrings(object? value)
    {
        if (value is string s && s.TrimStart().StartsWith('['))
        {
            try { value = JsonNode.Parse(s); } catch (JsonException) { }
        }
        return ToList(value)
            .Select(v => ToPlain(v) switch { null => "", string str => str, var o => Convert.ToString(o, CultureInfo.InvariantCulture) ?? "" })
            .Where(v => v != "")
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Serialises list items as a JSON array for <c>json_each</c>.</summary>
    public static string ToJsonArray(List<object?> items)
        => new JsonArray(items.Select(i => ToPlain(i) switch
        {
            null => null,
            string str => JsonValue.Create(str),
            bool b => JsonValue.Create(b),
            var o => (JsonNode?)JsonValue.Create(Convert.ToDouble(o, CultureInfo.InvariantCulture)),
        }).ToArray()).ToJsonString();
}
