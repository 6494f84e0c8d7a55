using System.Text.Json.Nodes;
using Satchel.Models.Fields;

namespace Satchel.Collections;

/// <summary>
/// Builds fields and reads their type specific settings through PocketBase's field JSON (the
/// same keys the API and the <c>_collections</c> row use), so the collection engine depends only
/// on the field contract and the type names, not on each field class.
/// </summary>
public static class FieldSettings
{
    /// <summary>A field of <paramref name="type"/> built from its JSON settings (common keys included).</summary>
    public static Field Make(string type, string name, JsonObject? settings = null)
    {
        var json = settings?.DeepClone() as JsonObject ?? new JsonObject();
        json["type"] = type;
        json["name"] = name;
        return FieldRegistry.FromJson(json) ?? throw new InvalidOperationException($"unknown field type \"{type}\"");
    }

    public static JsonNode? Get(Field field, string key) => field.ToJsonObject()[key];

    public static string GetString(Field field, string key)
        => Element(field, key) is { ValueKind: System.Text.Json.JsonValueKind.String } e ? e.GetString()! : "";

    public static bool GetBool(Field field, string key)
        => Element(field, key) is { ValueKind: System.Text.Json.JsonValueKind.True };

    public static double GetNumber(Field field, string key)
        => Element(field, key) is { ValueKind: System.Text.Json.JsonValueKind.Number } e ? e.GetDouble() : 0;

    // Values built from CLR numbers only convert to their own type, so read them through a JSON element.
    private static System.Text.Json.JsonElement? Element(Field field, string key)
        => Get(field, key) is JsonValue v ? System.Text.Json.JsonSerializer.SerializeToElement(v) : null;

    /// <summary>Sets one setting by rewriting the field from its JSON (the field keeps its identity).</summary>
    public static Field With(Field field, string key, JsonNode? value)
    {
        var json = field.ToJsonObject();
        json[key] = value;
        return FieldRegistry.FromJson(json) ?? field;
    }

    /// <summary>True for select/file/relation fields holding more than one value.</summary>
    public static bool IsMultiple(Field field) => field.Type is "select" or "file" or "relation" && GetNumber(field, "maxSelect") > 1;

    public static bool IsPrimaryKey(Field field) => field.Type == "text" && GetBool(field, "primaryKey");
}
