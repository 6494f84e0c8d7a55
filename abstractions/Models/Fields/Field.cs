using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>
/// A collection field: its settings (serialised with PocketBase's JSON keys) and its value
/// behaviour — how raw input becomes the canonical value, how that value is stored and
/// validated. One subclass per field type, one file each.
///
/// Canonical value types: text/email/url/editor/date/autodate/password/select(single)/file(single)/relation(single) → string,
/// number → double, bool → bool, multi-value select/file/relation → List&lt;string&gt;, json → JsonNode? ,
/// geoPoint → GeoPoint.
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

    /// <summary>Turns a column value read from the database into the canonical value.</summary>
    public virtual object? FromDb(object? dbValue) => Normalize(dbValue);

    /// <summary>The value written to the column.</summary>
    public virtual object? ToDbValue(object? value) => value;

    /// <summary>The value as it appears in the record's JSON.</summary>
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

    /// <summary>Checks a record's canonical value; null when valid.</summary>
    public virtual ValidationError? ValidateValue(Record record, object? value) => null;

    /// <summary>Writes the type specific settings (everything but the common keys) into <paramref name="json"/>.</summary>
    public abstract void WriteSettings(JsonObject json);

    /// <summary>Reads the type specific settings from <paramref name="json"/>.</summary>
    public abstract void ReadSettings(JsonObject json);

    /// <summary>The field's JSON with keys in alphabetical order, as PocketBase writes it.</summary>
    public JsonObject ToJsonObject()
    {
        var all = new JsonObject
        {
            ["help"] = Help,
            ["hidden"] = Hidden,
            ["id"] = Id,
            ["name"] = Name,
            ["presentable"] = Presentable,
            ["system"] = System,
            ["type"] = Type,
        };
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
        Id = json["id"]?.GetValue<string>() ?? "";
        Name = json["name"]?.GetValue<string>() ?? "";
        System = json["system"]?.GetValue<bool>() ?? false;
        Hidden = json["hidden"]?.GetValue<bool>() ?? false;
        Presentable = json["presentable"]?.GetValue<bool>() ?? false;
        Help = json["help"]?.GetValue<string>() ?? "";
        ReadSettings(json);
    }
}
