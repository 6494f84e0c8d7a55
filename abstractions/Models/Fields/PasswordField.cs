using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>
/// A bcrypt-hashed password. Input sets the plain text (<see cref="PasswordValue.Plain"/>), which the
/// record engine hashes with <see cref="Cost"/> before saving; the column holds only the hash.
/// The value is never part of a record's JSON: <see cref="ToJson"/> returns null and serializers
/// skip password fields.
/// </summary>
public sealed class PasswordField : Field, IRequirable
{
    public const string TypeName = "password";

    /// <summary>bcrypt ignores bytes after the 72nd; the longest accepted password.</summary>
    public const int MaxLength = 71;

    /// <summary>The bcrypt cost used when <see cref="Cost"/> is 0.</summary>
    public const int DefaultCost = 10;

    public int Min { get; set; }
    /// <summary>Maximum length in characters (0 = <see cref="MaxLength"/>).</summary>
    public int Max { get; set; }
    public string Pattern { get; set; } = "";
    /// <summary>bcrypt cost (0 = <see cref="DefaultCost"/>).</summary>
    public int Cost { get; set; }
    public bool Required { get; set; }

    public override string Type => TypeName;
    public override string ColumnDefinition => "TEXT DEFAULT '' NOT NULL";
    public override object? ZeroValue => new PasswordValue();

    /// <summary>The bcrypt cost in effect.</summary>
    public int EffectiveCost => Cost <= 0 ? DefaultCost : Cost;

    /// <summary>Input is a new plain password (replacing any hash; "" clears the password).</summary>
    public override object? Normalize(object? raw) => raw switch
    {
        PasswordValue value => value,
        null => new PasswordValue(),
        _ => new PasswordValue(Plain: RawValue.ToText(raw)),
    };

    /// <summary>A stored value is the hash.</summary>
    public override object? FromDb(object? dbValue) => dbValue is PasswordValue value ? value : new PasswordValue(Hash: RawValue.ToText(dbValue));

    public override object? ToDbValue(object? value) => value is PasswordValue p ? p.Hash : "";

    public override JsonNode? ToJson(object? value) => null;

    public override ValidationError? ValidateValue(Record record, object? value)
    {
        var password = value as PasswordValue ?? (PasswordValue)Normalize(value)!;
        if (Required && password.IsEmpty) return FieldErrors.Required();
        if (password.Plain == "") return null;
        var length = password.Plain.EnumerateRunes().Count();
        if (length < Min) return FieldErrors.Create("validation_min_text_constraint", $"Must be at least {Min} character(s).");
        var max = Max <= 0 ? MaxLength : Max;
        if (length > max) return FieldErrors.Create("validation_max_text_constraint", $"Must be less than {max} character(s).");
        if (Pattern != "" && !GoRegex.IsMatch(Pattern, password.Plain)) return FieldErrors.InvalidFormat();
        return null;
    }

    public override void ValidateSettings(FieldSettingsContext ctx, ValidationErrors errors)
    {
        base.ValidateSettings(ctx, errors);
        // zero means "unset" for min, max and cost and skips their bounds
        if (Min != 0 && Min < 1) errors.Add("min", FieldErrors.MinThreshold(1));
        else if (Min > MaxLength) errors.Add("min", FieldErrors.MaxThreshold(MaxLength));
        if (Max != 0 && Max < Min) errors.Add("max", FieldErrors.MinThreshold(Min));
        else if (Max > MaxLength) errors.Add("max", FieldErrors.MaxThreshold(MaxLength));
        if (Cost != 0 && Cost < 4) errors.Add("cost", FieldErrors.MinThreshold(4));
        else if (Cost > 31) errors.Add("cost", FieldErrors.MaxThreshold(31));
        if (CommonSettingRules.CheckRegex(Pattern) is { } patternError) errors.Add("pattern", patternError);
    }

    public override void WriteSettings(JsonObject json)
    {
        json["cost"] = Cost;
        json["max"] = Max;
        json["min"] = Min;
        json["pattern"] = Pattern;
        json["required"] = Required;
    }

    public override void ReadSettings(JsonObject json)
    {
        Cost = SettingsJson.Int(json, "cost");
        Max = SettingsJson.Int(json, "max");
        Min = SettingsJson.Int(json, "min");
        Pattern = SettingsJson.String(json, "pattern");
        Required = SettingsJson.Bool(json, "required");
    }
}
