using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>One (or, with maxSelect &gt; 1, several) of a fixed list of values.</summary>
public sealed class SelectField : Field, IRequirable, IMultiValued
{
    public const string TypeName = "select";

    public List<string> Values { get; set; } = new();
    public int MaxSelect { get; set; }
    public bool Required { get; set; }

    public bool IsMultiple => MaxSelect > 1;

    public override string Type => TypeName;
    public override string ColumnDefinition => IsMultiple ? "JSON DEFAULT '[]' NOT NULL" : "TEXT DEFAULT '' NOT NULL";
    public override object? ZeroValue => MultiValue.Zero(IsMultiple);

    public override object? Normalize(object? raw) => MultiValue.Normalize(raw, IsMultiple);
    public override object? ToDbValue(object? value) => MultiValue.ToDb(value, IsMultiple);
    public override JsonNode? ToJson(object? value) => MultiValue.ToJson(value, IsMultiple);

    public override ValidationError? ValidateValue(Record record, object? value)
    {
        var items = MultiValue.Items(value);
        if (items.Count == 0) return Required ? FieldErrors.Required() : null;
        var max = Math.Max(MaxSelect, 1);
        if (items.Count > max) return FieldErrors.TooManyValues(max);
        var unknown = items.FirstOrDefault(v => !Values.Contains(v));
        return unknown != null ? FieldErrors.InvalidValue(unknown) : null;
    }

    public override void ValidateSettings(FieldSettingsContext ctx, ValidationErrors errors)
    {
        base.ValidateSettings(ctx, errors);
        if (Values.Count == 0) errors.Add("values", FieldErrors.Required());
        if (MaxSelect < 0) errors.Add("maxSelect", FieldErrors.MinThreshold(0));
        else if (MaxSelect > Math.Max(Values.Count, 1)) errors.Add("maxSelect", FieldErrors.MaxThreshold(Math.Max(Values.Count, 1)));
    }

    public override void WriteSettings(JsonObject json)
    {
        json["maxSelect"] = MaxSelect;
        json["required"] = Required;
        json["values"] = SettingsJson.ToArray(Values);
    }

    public override void ReadSettings(JsonObject json)
    {
        MaxSelect = SettingsJson.Int(json, "maxSelect");
        Required = SettingsJson.Bool(json, "required");
        Values = SettingsJson.Strings(json, "values");
    }
}
