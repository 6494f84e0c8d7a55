using System.Text;
using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>Rich text (HTML) with a size limit in bytes.</summary>
public sealed class EditorField : Field, IRequirable
{
    public const string TypeName = "editor";

    /// <summary>The size limit applied when <see cref="MaxSize"/> is 0 (5 MiB).</summary>
    public const long DefaultMaxSize = 5 << 20;

    /// <summary>Maximum content size in bytes (0 = <see cref="DefaultMaxSize"/>).</summary>
    public long MaxSize { get; set; }
    /// <summary>A hint for the admin UI's editor to rewrite URLs (TinyMCE's convert_urls).</summary>
    public bool ConvertURLs { get; set; }
    public bool Required { get; set; }

    public override string Type => TypeName;
    public override string ColumnDefinition => "TEXT DEFAULT '' NOT NULL";

    /// <summary>The size limit in effect.</summary>
    public long EffectiveMaxSize => MaxSize <= 0 ? DefaultMaxSize : MaxSize;

    public override object? Normalize(object? raw) => RawValue.ToText(raw);

    public override ValidationError? ValidateValue(Record record, object? value)
    {
        var html = value as string ?? RawValue.ToText(value);
        if (Required && html == "") return FieldErrors.Required();
        var limit = EffectiveMaxSize;
        if (Encoding.UTF8.GetByteCount(html) > limit)
            return FieldErrors.Create("validation_content_size_limit", $"The maximum allowed content size is {limit} bytes.", ("maxSize", limit));
        return null;
    }

    public override void ValidateSettings(FieldSettingsContext ctx, ValidationErrors errors)
    {
        base.ValidateSettings(ctx, errors);
        if (CommonSettingRules.CheckSize(MaxSize) is { } sizeError) errors.Add("maxSize", sizeError);
    }

    public override void WriteSettings(JsonObject json)
    {
        json["convertURLs"] = ConvertURLs;
        json["maxSize"] = MaxSize;
        json["required"] = Required;
    }

    public override void ReadSettings(JsonObject json)
    {
        ConvertURLs = SettingsJson.Bool(json, "convertURLs");
        MaxSize = SettingsJson.Long(json, "maxSize");
        Required = SettingsJson.Bool(json, "required");
    }
}
