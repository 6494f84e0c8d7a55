using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>A date-time (UTC, PocketBase text form) with optional bounds.</summary>
public sealed class DateField : Field, IRequirable
{
    public const string TypeName = "date";

    private string _min = "";
    private string _max = "";

    /// <summary>The earliest allowed date ("" = none); stored normalised to PocketBase's form.</summary>
    public string Min { get => _min; set => _min = DateTimeText.Normalize(value); }
    /// <summary>The latest allowed date ("" = none); stored normalised to PocketBase's form.</summary>
    public string Max { get => _max; set => _max = DateTimeText.Normalize(value); }
    public bool Required { get; set; }

    public override string Type => TypeName;
    public override string ColumnDefinition => "TEXT DEFAULT '' NOT NULL";

    public override object? Normalize(object? raw) => DateTimeText.Normalize(raw);

    public override ValidationError? ValidateValue(Record record, object? value)
    {
        if (!DateTimeText.TryParse(value, out var date)) return Required ? FieldErrors.Required() : null;
        if (DateTimeText.TryParse(Min, out var min) && date < min)
            return FieldErrors.Create("validation_min_greater_equal_than_required", $"Must be no less than {DateTimeText.GoString(min)}.", ("threshold", DateTimeText.Rfc3339(min)));
        if (DateTimeText.TryParse(Max, out var max) && date > max)
            return FieldErrors.Create("validation_max_less_equal_than_required", $"Must be no greater than {DateTimeText.GoString(max)}.", ("threshold", DateTimeText.Rfc3339(max)));
        return null;
    }

    public override void ValidateSettings(FieldSettingsContext ctx, ValidationErrors errors)
    {
        base.ValidateSettings(ctx, errors);
        if (DateTimeText.TryParse(Min, out var min) && DateTimeText.TryParse(Max, out var max) && max < min)
            errors.Add("max", FieldErrors.Create("validation_date_out_of_range", "The date is out of range."));
    }

    public override void WriteSettings(JsonObject json)
    {
        json["max"] = Max;
        json["min"] = Min;
        json["required"] = Required;
    }

    public override void ReadSettings(JsonObject json)
    {
        Max = SettingsJson.String(json, "max");
        Min = SettingsJson.String(json, "min");
        Required = SettingsJson.Bool(json, "required");
    }
}
