using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>A plain string; also the type of every collection's "id" primary key.</summary>
public sealed class TextField : Field, IRequirable
{
    public const string TypeName = "text";

    /// <summary>The maximum length applied when <see cref="Max"/> is 0.</summary>
    public const int DefaultMaxLength = 5000;

    /// <summary>The id pattern of new collections; ids matching it skip the extra primary key checks.</summary>
    public const string DefaultIdPattern = "^[a-z0-9]+$";

    // Characters and names that make poor file or directory names (record ids name storage folders).
    private static readonly string[] ForbiddenIdCharacters = [".", "/", "\\", "|", "\"", "'", "`", "<", ">", ":", "?", "*", "%", "$", "\0", "\t", "\n", "\r", " "];
    private static readonly string[] ReservedIds = ["CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9"];

    /// <summary>Minimum length in characters (0 = none).</summary>
    public int Min { get; set; }
    /// <summary>Maximum length in characters (0 = <see cref="DefaultMaxLength"/>).</summary>
    public int Max { get; set; }
    public string Pattern { get; set; } = "";
    /// <summary>Pattern of the random value given to new records that leave the field empty.</summary>
    public string AutogeneratePattern { get; set; } = "";
    public bool PrimaryKey { get; set; }
    public bool Required { get; set; }

    public override string Type => TypeName;

    public override string ColumnDefinition => PrimaryKey
        // the default only guards rows inserted with raw SQL; the engine always sets an id
        ? "TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL"
        : "TEXT DEFAULT '' NOT NULL";

    public override object? Normalize(object? raw) => RawValue.ToText(raw);

    /// <summary>A random value from <see cref="AutogeneratePattern"/> ("" when there is none).</summary>
    public string Autogenerate() => AutogeneratePattern == "" ? "" : PatternGenerator.Generate(AutogeneratePattern);

    public override ValidationError? ValidateValue(Record record, object? value)
    {
        var text = value as string ?? RawValue.ToText(value);
        if (PrimaryKey && !record.IsNew)
        {
            var saved = record.Original(Name) as string ?? "";
            if (saved != text) return FieldErrors.Create("validation_pk_change", "The record primary key cannot be changed.");
            // an existing id may come from another system and need not follow the current rules
            if (saved != "") return null;
        }
        return ValidatePlainValue(text);
    }

    /// <summary>The checks on the text itself (without the record context).</summary>
    public ValidationError? ValidatePlainValue(string text)
    {
        if ((Required || PrimaryKey) && text == "") return FieldErrors.Required();
        if (text == "") return null;

        var length = text.EnumerateRunes().Count();
        if (Min > 0 && length < Min) return FieldErrors.MinText(Min);
        var max = Max == 0 ? DefaultMaxLength : Max;
        if (max > 0 && length > max) return FieldErrors.MaxText(max);
        if (Pattern != "" && !GoRegex.IsMatch(Pattern, text)) return FieldErrors.InvalidFormat();

        if (PrimaryKey && Pattern != DefaultIdPattern)
        {
            foreach (var ch in ForbiddenIdCharacters)
            {
                if (text.Contains(ch, StringComparison.Ordinal))
                    return FieldErrors.Create("validation_forbidden_pk_character", $"'{ch}' is not a valid primary key character.", ("ch", ch));
            }
            var reserved = ReservedIds.FirstOrDefault(r => string.Equals(r, text, StringComparison.OrdinalIgnoreCase));
            if (reserved != null)
                return FieldErrors.Create("validation_reserved_pk", $"The primary key '{reserved}' is reserved and cannot be used.", ("reserved", reserved));
        }
        return null;
    }

    public override void ValidateSettings(FieldSettingsContext ctx, ValidationErrors errors)
    {
        base.ValidateSettings(ctx, errors);
        if (PrimaryKey && Name != "id")
            errors.Add("name", FieldErrors.InInvalid("The primary key must be named \"id\"."));
        if (PrimaryKey && ctx.Collection.Fields.Count(f => f is TextField { PrimaryKey: true }) > 1)
            errors.Add("primaryKey", FieldErrors.Create("validation_unsupported_composite_pk", "Composite PKs are not supported and the collection must have only 1 PK."));
        if (Min < 0) errors.Add("min", FieldErrors.MinThreshold(0));
        // a zero max means "default" and is not compared with min
        if (Max != 0 && Max < Min) errors.Add("max", FieldErrors.MinThreshold(Min));
        if (PrimaryKey && Pattern == "") errors.Add("pattern", FieldErrors.Required());
        else if (CommonSettingRules.CheckRegex(Pattern) is { } patternError) errors.Add("pattern", patternError);
        if (PrimaryKey && Hidden) errors.Add("hidden", FieldErrors.Empty());
        if (PrimaryKey && !Required) errors.Add("required", FieldErrors.Required());
        if (CommonSettingRules.CheckRegex(AutogeneratePattern) is { } autoError) errors.Add("autogeneratePattern", autoError);
        else if (CheckAutogeneratePattern() is { } generateError) errors.Add("autogeneratePattern", generateError);
    }

    /// <summary>Samples the autogenerate pattern to catch values the field's own rules would reject.</summary>
    private ValidationError? CheckAutogeneratePattern()
    {
        if (AutogeneratePattern == "") return null;
        for (var i = 0; i < 10; i++)
        {
            if (!PatternGenerator.TryGenerate(AutogeneratePattern, out var sample, out var reason))
                return FieldErrors.Create("validation_invalid_autogenerate_pattern", FieldErrors.Sentence(reason!));
            if (ValidatePlainValue(sample) != null)
                return FieldErrors.Create("validation_invalid_autogenerate_pattern_value",
                    $"The provided autogenerate pattern could produce invalid field values, ex.: {Quote(sample)}.");
        }
        return null;
    }

    private static string Quote(string s) => "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    public override void WriteSettings(JsonObject json)
    {
        json["autogeneratePattern"] = AutogeneratePattern;
        json["max"] = Max;
        json["min"] = Min;
        json["pattern"] = Pattern;
        json["primaryKey"] = PrimaryKey;
        json["required"] = Required;
    }

    public override void ReadSettings(JsonObject json)
    {
        AutogeneratePattern = SettingsJson.String(json, "autogeneratePattern");
        Max = SettingsJson.Int(json, "max");
        Min = SettingsJson.Int(json, "min");
        Pattern = SettingsJson.String(json, "pattern");
        PrimaryKey = SettingsJson.Bool(json, "primaryKey");
        Required = SettingsJson.Bool(json, "required");
    }
}
