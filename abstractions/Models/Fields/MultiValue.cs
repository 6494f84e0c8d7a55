using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Satchel.Models.Fields;

/// <summary>
/// Value handling shared by select, file and relation fields: a single-value field keeps the last
/// of the given values as a string, a multi-value field keeps the distinct non-empty values as a
/// list stored as JSON array text.
/// </summary>
public static class MultiValue
{
    private static readonly JsonSerializerOptions StorageJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static object Zero(bool multiple) => multiple ? new List<string>() : "";

    public static object Normalize(object? raw, bool multiple)
    {
        var values = RawValue.ToUniqueStrings(raw);
        if (multiple) return values;
        return values.Count > 0 ? values[^1] : "";
    }

    /// <summary>The values of a canonical (or raw) value as a list.</summary>
    public static List<string> Items(object? value) => value switch
    {
        List<string> list => RawValue.Distinct(list),
        _ => RawValue.ToUniqueStrings(value),
    };

    public static object ToDb(object? value, bool multiple)
    {
        var values = Items(value);
        if (multiple) return JsonSerializer.Serialize(values, StorageJson);
        return values.Count > 0 ? values[^1] : "";
    }

    public static JsonNode ToJson(object? value, bool multiple)
    {
        var values = Items(value);
        if (multiple) return new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
        return JsonValue.Create(values.Count > 0 ? values[^1] : "");
    }

    /// <summary>The "name+" modifier: the current values followed by the added ones.</summary>
    public static object Append(object? current, object? added, bool multiple) =>
        Normalize(Items(current).Concat(RawValue.ToUniqueStrings(added)).ToList(), multiple);

    /// <summary>The "+name" modifier: the added values followed by the current ones.</summary>
    public static object Prepend(object? current, object? added, bool multiple) =>
        Normalize(RawValue.ToUniqueStrings(added).Concat(Items(current)).ToList(), multiple);

    /// <summary>The "name-" modifier: the current values without the removed ones.</summary>
    public static object Subtract(object? current, object? removed, bool multiple)
    {
        var drop = RawValue.ToUniqueStrings(removed).ToHashSet(StringComparer.Ordinal);
        return Normalize(Items(current).Where(v => !drop.Contains(v)).ToList(), multiple);
    }
}
