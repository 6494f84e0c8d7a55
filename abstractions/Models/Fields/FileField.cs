using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>
/// One (or, with maxSelect &gt; 1, several) stored file names. Uploads, mime type and size checks of
/// new files are the record engine's part; this type knows the names, counts and settings.
/// </summary>
public sealed partial class FileField : Field, IRequirable, IMultiValued
{
    public const string TypeName = "file";

    /// <summary>The per-file size limit applied when <see cref="MaxSize"/> is 0 (5 MiB).</summary>
    public const long DefaultMaxSize = 5 << 20;

    public int MaxSelect { get; set; }
    /// <summary>Maximum size of each file in bytes (0 = <see cref="DefaultMaxSize"/>).</summary>
    public long MaxSize { get; set; }
    public List<string>? MimeTypes { get; set; }
    /// <summary>Thumb sizes such as "100x100", "0x50", "100x100t" (t/b/f = top/bottom/fit crop).</summary>
    public List<string>? Thumbs { get; set; }
    /// <summary>Protected files need a file token to be downloaded.</summary>
    public bool Protected { get; set; }
    public bool Required { get; set; }

    public bool IsMultiple => MaxSelect > 1;

    public override string Type => TypeName;
    public override string ColumnDefinition => IsMultiple ? "JSON DEFAULT '[]' NOT NULL" : "TEXT DEFAULT '' NOT NULL";
    public override object? ZeroValue => MultiValue.Zero(IsMultiple);

    /// <summary>The per-file size limit in effect.</summary>
    public long EffectiveMaxSize => MaxSize <= 0 ? DefaultMaxSize : MaxSize;

    /// <summary>The number of files allowed (at least 1).</summary>
    public int EffectiveMaxSelect => Math.Max(MaxSelect, 1);

    public override object? Normalize(object? raw) => MultiValue.Normalize(raw, IsMultiple);
    public override object? ToDbValue(object? value) => MultiValue.ToDb(value, IsMultiple);
    public override JsonNode? ToJson(object? value) => MultiValue.ToJson(value, IsMultiple);

    public override ValidationError? ValidateValue(Record record, object? value)
    {
        var names = MultiValue.Items(value);
        if (names.Count == 0) return Required ? FieldErrors.Required() : null;
        var max = EffectiveMaxSelect;
        if (names.Count > max)
            return FieldErrors.Create("validation_too_many_files", $"The maximum allowed files is {max}.", ("maxSelect", max));
        return null;
    }

    public override void ValidateSettings(FieldSettingsContext ctx, ValidationErrors errors)
    {
        base.ValidateSettings(ctx, errors);
        if (CommonSettingRules.CheckSize(MaxSelect) is { } selectError) errors.Add("maxSelect", selectError);
        if (CommonSettingRules.CheckSize(MaxSize) is { } sizeError) errors.Add("maxSize", sizeError);
        var thumbErrors = new ValidationErrors();
        for (var i = 0; i < (Thumbs?.Count ?? 0); i++)
        {
            var thumb = Thumbs![i];
            if (thumb is "0x0" or "0x0t" or "0x0b" or "0x0f") thumbErrors.Add(i.ToString(), FieldErrors.NotInInvalid());
            else if (thumb != "" && !ThumbSize().IsMatch(thumb)) thumbErrors.Add(i.ToString(), FieldErrors.MatchInvalid());
        }
        errors.AddNested("thumbs", thumbErrors);
    }

    public override void WriteSettings(JsonObject json)
    {
        json["maxSelect"] = MaxSelect;
        json["maxSize"] = MaxSize;
        json["mimeTypes"] = SettingsJson.ToArray(MimeTypes);
        json["protected"] = Protected;
        json["required"] = Required;
        json["thumbs"] = SettingsJson.ToArray(Thumbs);
    }

    public override void ReadSettings(JsonObject json)
    {
        MaxSelect = SettingsJson.Int(json, "maxSelect");
        MaxSize = SettingsJson.Long(json, "maxSize");
        MimeTypes = SettingsJson.NullableStrings(json, "mimeTypes");
        Protected = SettingsJson.Bool(json, "protected");
        Required = SettingsJson.Bool(json, "required");
        Thumbs = SettingsJson.NullableStrings(json, "thumbs");
    }

    [GeneratedRegex(@"^([0-9]+)x([0-9]+)(t|b|f)?$")]
    private static partial Regex ThumbSize();
}
