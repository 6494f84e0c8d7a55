using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Satchel.Models.Fields;

/// <summary>Field types by their PocketBase name. The built-in types are always registered; plugins may add more.</summary>
public static class FieldRegistry
{
    private static readonly ConcurrentDictionary<string, Func<Field>> Factories = new(StringComparer.Ordinal);

    static FieldRegistry()
    {
        Register(TextField.TypeName, () => new TextField());
        Register(NumberField.TypeName, () => new NumberField());
        Register(BoolField.TypeName, () => new BoolField());
        Register(EmailField.TypeName, () => new EmailField());
        Register(UrlField.TypeName, () => new UrlField());
        Register(EditorField.TypeName, () => new EditorField());
        Register(DateField.TypeName, () => new DateField());
        Register(AutodateField.TypeName, () => new AutodateField());
        Register(SelectField.TypeName, () => new SelectField());
        Register(FileField.TypeName, () => new FileField());
        Register(RelationField.TypeName, () => new RelationField());
        Register(JsonField.TypeName, () => new JsonField());
        Register(PasswordField.TypeName, () => new PasswordField());
        Register(GeoPointField.TypeName, () => new GeoPointField());
    }

    public static void Register(string type, Func<Field> factory) => Factories[type] = factory;

    public static IEnumerable<string> Types => Factories.Keys;

    public static Field? Create(string type) => Factories.TryGetValue(type, out var f) ? f() : null;

    /// <summary>Reads a field from its JSON; null when the type is unknown.</summary>
    public static Field? FromJson(JsonObject json)
    {
        var field = Create(SettingsJson.String(json, "type"));
        field?.ReadCommonAndSettings(json);
        return field;
    }
}
