using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>
/// A collection field: its settings (serialised with PocketBase's JSON keys) and its value
/// behaviour — how raw input becomes the canonical value, how that value is stored and
/// validated. One subclass per field type, one file each.
///
/// Canonical value types: text/email/url/editor/date/autodate/select(single)/file(single)/relation(single) → string,
/// number → double, bool → bool, multi-value select/file/relation → List&lt;string&gt; (distinct, no empty items),
/// json → JsonNode? , geoPoint → <see cref="GeoPoint"/>, password → <see cref="PasswordValue"/>.
/// Dates are UTC text in PocketBase's "2006-01-02 15:04:05.000Z" form ("" when unset).
/// </summary>
public abstract class Field
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public bool System { get; set; }
    public bool Hidden { get; set; }
    public bool Presentable { get; set; }
    public string Help { get; set; } = "";

    /// <summary>PocketBase's type name ("text", "number", …).</summary>
    public abstract string Type { get; }

    /// <summary>The SQLite column definition (type + default + constraints), without the name.</summary>
    public abstract string ColumnDefinition { get; }

    /// <summary>The value a new record starts with.</summary>
    public virtual object? ZeroValue => "";

    /// <summary>Turns raw input (a JSON node, form string, DB value or CLR value) into the canonical value.</summary>
    public abstract object? Normalize(object? raw);

    /// <summary>
    /// Turns a value read from the column into the canonical value. Same as <see cref="Normalize"/>
    /// except where stored and submitted values differ (a stored password is a hash, not plain text).
    /// </summary>
    public virtual object? FromDb(object? dbValue) => Normalize(dbValue);

    /// <summary>The value written to the column.</summary>
    public virtual object? ToDbValue(object? value) => value;

    /// <summary>The value as it appears in the record's JSON (null also for values that are never serialised).</summary>
    public virtual JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        double d => JsonValue.Create(d),
        List<string> l => new JsonArray(l.Select(x => (JsonNode?)JsonValue.Create(x)).ToArray()),
        JsonNode n => n.DeepClone(),
        _ => JsonValue.Create(value.ToString()),
    };

    /// <summary>
    /// Checks a record's value (canonical, or raw which is normalised first); null when valid.
    /// Checks that need the database or storage (relation targets exist, unique primary key,
    /// uploaded file contents) are left to the record engine.
    /// </summary>
    public virtual ValidationError? ValidateValue(Record record, object? value) => null;

    /// <summary>
    /// Checks the field's settings for the collection editor, adding errors keyed by the option's
    /// JSON name ("name", "min", "values", …). Overrides add their own checks after these.
    /// </summary>
    public virtual void ValidateSettings(FieldSettingsContext ctx, ValidationErrors errors)
    {
        if (CommonSettingRules.CheckId(Id) is { } idError) errors.Add("id", idError);
        if (CommonSettingRules.CheckName(Name) is { } nameError) errors.Add("name", nameError);
        if (HasHelp && CommonSettingRules.CheckHelp(Help) is { } helpError) errors.Add("help", helpError);
    }

    /// <summary>Whether the type has a "help" text (all but autodate).</summary>
    protected virtual bool HasHelp => true;

    /// <summary>
    /// Gives a field without id PocketBase's derived id (type + CRC-32 of the name), made unique
    /// among <paramref name="siblings"/>. Does nothing when the field has an id.
    /// </summary>
    public void EnsureId(FieldList? siblings = null)
    {
        if (Id == "") Id = FieldIds.Generate(Type, Name, siblings);
    }

    /// <summary>Writes the type specific settings (everything but the common keys) into <paramref name="json"/>.</summary>
    public abstract void WriteSettings(JsonObject json);

    /// <summary>Reads the type specific settings from <paramref name="json"/>.</summary>
    public abstract void ReadSettings(JsonObject json);

    /// <summary>The field's JSON with keys in alphabetical order, as PocketBase writes it.</summary>
    public JsonObject ToJsonObject()
    {
        var all = new JsonObject
        {
            ["hidden"] = Hidden,
            ["id"] = Id,
            ["name"] = Name,
            ["presentable"] = Presentable,
            ["system"] = System,
            ["type"] = Type,
        };
        if (HasHelp) all["help"] = Help;
        WriteSettings(all);
        var sorted = new JsonObject();
        foreach (var key in all.Select(p => p.Key).OrderBy(k => k, StringComparer.Ordinal).ToList())
        {
            var node = all[key];
            all.Remove(key);
            sorted[key] = node;
        }
        return sorted;
    }

    public Field Clone()
    {
        var copy = FieldRegistry.Create(Type) ?? throw new InvalidOperationException($"unknown field type {Type}");
        copy.ReadCommonAndSettings(ToJsonObject());
        return copy;
    }

    internal void ReadCommonAndSettings(JsonObject json)
    {
        Id = SettingsJson.String(json, "id");
        Name = SettingsJson.String(json, "name");
        System = SettingsJson.Bool(json, "system");
        Hidden = SettingsJson.Bool(json, "hidden");
        Presentable = SettingsJson.Bool(json, "presentable");
        Help = HasHelp ? SettingsJson.String(json, "help") : "";
        ReadSettings(json);
    }
}
