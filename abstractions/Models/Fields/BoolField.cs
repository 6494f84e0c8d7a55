using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>A true/false flag; "required" means it must be true.</summary>
public sealed class BoolField : Field, IRequirable
{
    public const string TypeName = "bool";

    public bool Required { get; set; }

    public override string Type => TypeName;
    public override string ColumnDefinition => "BOOLEAN DEFAULT FALSE NOT NULL";
    public override object? ZeroValue => false;

    public override object? Normalize(object? raw) => RawValue.ToBool(raw);

    public override ValidationError? ValidateValue(Record record, object? value)
    {
        var flag = value is bool b ? b : RawValue.ToBool(value);
        return Required && !flag ? FieldErrors.Required() : null;
    }

    public override void WriteSettings(JsonObject json) => json["required"] = Required;

    public override void ReadSettings(JsonObject json) => Required = SettingsJson.Bool(json, "required");
}
