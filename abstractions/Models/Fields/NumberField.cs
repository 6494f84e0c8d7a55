using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>A floating point number (optionally integers only) with optional bounds.</summary>
public sealed class NumberField : Field, IRequirable
{
    public const string TypeName = "number";

    public double? Min { get; set; }
    public double? Max { get; set; }
    public bool OnlyInt { get; set; }
    public bool Required { get; set; }

    public override string Type => TypeName;
    public override string ColumnDefinition => "NUMERIC DEFAULT 0 NOT NULL";
    public override object? ZeroValue => 0d;

    public override object? Normalize(object? raw) => RawValue.ToNumber(raw);

    /// <summary>Non-finite numbers have no JSON form; they never pass validation, so they only show up as null.</summary>
    public override JsonNode? ToJson(object? value)
    {
        var number = value is double d ? d : RawValue.ToNumber(value);
        return double.IsFinite(number) ? JsonValue.Create(number) : null;
    }

    public override ValidationError? ValidateValue(Record record, object? value)
    {
        var number = value is double d ? d : RawValue.ToNumber(value);
        if (!double.IsFinite(number)) return FieldErrors.NotANumber();
        // zero is the "blank" number: it is only checked against required
        if (number == 0) return Required ? FieldErrors.Required() : null;
        if (OnlyInt && !IsInteger(number)) return FieldErrors.OnlyInt();
        if (Min is { } min && number < min) return FieldErrors.MinNumber(min);
        if (Max is { } max && number > max) return FieldErrors.MaxNumber(max);
        return null;
    }

    public override void ValidateSettings(FieldSettingsContext ctx, ValidationErrors errors)
    {
        base.ValidateSettings(ctx, errors);
        if (OnlyInt && Min is { } min && !IsInteger(min)) errors.Add("min", FieldErrors.OnlyInt());
        if (OnlyInt && Max is { } max && !IsInteger(max)) errors.Add("max", FieldErrors.OnlyInt());
        if (Min is { } lower && Max is { } upper && upper < lower) errors.Add("max", FieldErrors.MinNumber(lower));
    }

    private static bool IsInteger(double d) => d == Math.Truncate(d) && Math.Abs(d) < 9.2233720368547758E+18;

    public override void WriteSettings(JsonObject json)
    {
        json["max"] = Max is { } max ? JsonValue.Create(max) : null;
        json["min"] = Min is { } min ? JsonValue.Create(min) : null;
        json["onlyInt"] = OnlyInt;
        json["required"] = Required;
    }

    public override void ReadSettings(JsonObject json)
    {
        Max = SettingsJson.Number(json, "max");
        Min = SettingsJson.Number(json, "min");
        OnlyInt = SettingsJson.Bool(json, "onlyInt");
        Required = SettingsJson.Bool(json, "required");
    }
}
