using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>Any JSON value, stored as JSON text (SQL NULL when unset) with a size limit.</summary>
public sealed class JsonField : Field, IRequirable
{
    public const string TypeName = "json";

    /// <summary>The size limit applied when <see cref="MaxSize"/> is 0 (1 MiB).</summary>
    public const long DefaultMaxSize = 1 << 20;

    private static readonly JsonSerializerOptions StorageJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Maximum size of the JSON text in bytes (0 = <see cref="DefaultMaxSize"/>).</summary>
    public long MaxSize { get; set; }
    public bool Required { get; set; }

    public override string Type => TypeName;
    public override string ColumnDefinition => "JSON DEFAULT NULL";
    public override object? ZeroValue => null;

    /// <summary>The size limit in effect.</summary>
    public long EffectiveMaxSize => MaxSize <= 0 ? DefaultMaxSize : MaxSize;

    /// <summary>
    /// Text that is valid JSON starting like a JSON number, string, array or object (or the words
    /// null/true/false) is taken as JSON; any other text is a JSON string. Other values are
    /// converted as a JSON encoder would.
    /// </summary>
    public override object? Normalize(object? raw)
    {
        switch (raw)
        {
            case null or DBNull:
                return null;
            case JsonNode node:
                return node.DeepClone();
            case JsonElement element:
                return FromElement(element);
            case string text:
                return FromText(text);
            case byte[] bytes:
                return FromText(Encoding.UTF8.GetString(bytes));
        }
        try
        {
            return JsonSerializer.SerializeToNode(raw, raw.GetType());
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    private static JsonNode? FromText(string text)
    {
        if (text is "null") return null;
        if (text is "true" or "false" || (text != "" && text[0] is (>= '0' and <= '9') or '-' or '"' or '[' or '{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(text);
                return FromElement(doc.RootElement);
            }
            catch (JsonException)
            {
                // not JSON after all: kept as a string below
            }
        }
        return JsonValue.Create(text);
    }

    /// <summary>A detached node for the element; a repeated object key keeps its last value, as Go's decoder does.</summary>
    private static JsonNode? FromElement(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var property in element.EnumerateObject()) obj[property.Name] = FromElement(property.Value);
                return obj;
            case JsonValueKind.Array:
                return new JsonArray(element.EnumerateArray().Select(FromElement).ToArray());
            case JsonValueKind.Undefined or JsonValueKind.Null:
                return null;
            default:
                return JsonValue.Create(element.Clone());
        }
    }

    /// <summary>Compact JSON text (non-ASCII kept as is); null for no value.</summary>
    public override object? ToDbValue(object? value)
    {
        var node = value is JsonNode n ? n : Normalize(value) as JsonNode;
        return node?.ToJsonString(StorageJson);
    }

    public override JsonNode? ToJson(object? value) => (value is JsonNode n ? n : Normalize(value) as JsonNode)?.DeepClone();

    public override ValidationError? ValidateValue(Record record, object? value)
    {
        var node = value is JsonNode n ? n : Normalize(value) as JsonNode;
        var text = node?.ToJsonString(StorageJson) ?? "";
        var limit = EffectiveMaxSize;
        if (Encoding.UTF8.GetByteCount(text) > limit)
            return FieldErrors.Create("validation_json_size_limit", $"The maximum allowed JSON size is {limit} bytes.", ("maxSize", limit));
        if (Required && IsBlank(node)) return FieldErrors.Required();
        return null;
    }

    /// <summary>null, "", [] and {} count as blank.</summary>
    private static bool IsBlank(JsonNode? node) => node switch
    {
        null => true,
        JsonArray array => array.Count == 0,
        JsonObject obj => obj.Count == 0,
        JsonValue v => v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == "",
        _ => false,
    };

    public override void ValidateSettings(FieldSettingsContext ctx, ValidationErrors errors)
    {
        base.ValidateSettings(ctx, errors);
        if (CommonSettingRules.CheckSize(MaxSize) is { } sizeError) errors.Add("maxSize", sizeError);
    }

    public override void WriteSettings(JsonObject json)
    {
        json["maxSize"] = MaxSize;
        json["required"] = Required;
    }

    public override void ReadSettings(JsonObject json)
    {
        MaxSize = SettingsJson.Long(json, "maxSize");
        Required = SettingsJson.Bool(json, "required");
    }
}
