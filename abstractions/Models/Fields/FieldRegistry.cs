using System.Text.Json.Nodes;

namespace Satchel.Models.Fields;

/// <summary>Field types by their PocketBase name.</summary>
public static class FieldRegistry
{
    private static readonly Dictionary<string, Func<Field>> Factories = new(StringComparer.Ordinal);

    public static void Register(string type, Func<Field> factory) => Factories[type] = factory;

    public static IEnumerable<string> Types => Factories.Keys;

    public static Field? Create(string type) => Factories.TryGetValue(type, out var f) ? f() : null;

    /// <summary>Reads a field from its JSON; null when the type is unknown.</summary>
    public static Field? FromJson(JsonObject json)
    {
        var type = json["type"]?.GetValue<string>() ?? "";
        var field = Create(type);
        field?.ReadCommonAndSettings(json);
        return field;
    }
}
