using System.Text.Json;
using System.Text.Json.Nodes;

namespace Satchel.Models.Fields;

/// <summary>
/// Reads field settings from client or stored JSON without throwing: a missing key or a value of
/// the wrong kind reads as the zero value. Keys match case-insensitively when there is no exact
/// match, as Go's JSON decoder does.
/// </summary>
public static class SettingsJson
{
    public static JsonNode? Get(JsonObject json, string key)
    {
        if (json.TryGetPropertyValue(key, out var exact)) return exact;
        foreach (var (k, v) in json)
        {
            if (string.Equals(k, key, StringComparison.OrdinalIgnoreCase)) return v;
        }
        return null;
    }

    public static string String(JsonObject json, string key) => Scalar(Get(json, key)) switch
    {
        string s => s,
        _ => "",
    };

    public static bool Bool(JsonObject json, string key) => Scalar(Get(json, key)) switch
    {
        bool b => b,
        _ => false,
    };

    public static long Long(JsonObject json, string key) => Number(json, key) switch
    {
        null => 0,
        var d when double.IsNaN(d.Value) => 0,
        var d when d.Value >= long.MaxValue => long.MaxValue,
        var d when d.Value <= long.MinValue => long.MinValue,
        var d => (long)d.Value,
    };

    public static int Int(JsonObject json, string key) => (int)Math.Clamp(Long(json, key), int.MinValue, int.MaxValue);

    public static double? Number(JsonObject json, string key) => Scalar(Get(json, key)) switch
    {
        double d => d,
        _ => null,
    };

    /// <summary>The string list under <paramref name="key"/>, or null when it is missing or null.</summary>
    public static List<string>? NullableStrings(JsonObject json, string key)
    {
        if (Get(json, key) is not JsonArray array) return null;
        return array.Select(item => Scalar(item) is string s ? s : "").ToList();
    }

    public static List<string> Strings(JsonObject json, string key) => NullableStrings(json, key) ?? new List<string>();

    /// <summary>A JSON array of the strings, or JSON null for a null list (PocketBase keeps unset lists as null).</summary>
    public static JsonArray? ToArray(List<string>? values) =>
        values == null ? null : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());

    private static object? Scalar(JsonNode? node)
    {
        if (node is not JsonValue) return null;
        // Serialising covers both parsed values and values created from CLR primitives.
        var element = JsonSerializer.SerializeToElement(node);
        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };
    }
}
