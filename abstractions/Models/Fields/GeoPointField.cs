using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>A geographic point {"lon","lat"} stored as JSON text; (0, 0) is the blank value.</summary>
public sealed class GeoPointField : Field, IRequirable
{
    public const string TypeName = "geoPoint";

    public bool Required { get; set; }

    public override string Type => TypeName;
    public override string ColumnDefinition => "JSON DEFAULT '{\"lon\":0,\"lat\":0}' NOT NULL";
    public override object? ZeroValue => new GeoPoint();

    /// <summary>
    /// Reads an object (or JSON object text) with "lon" and "lat" numbers; keys match
    /// case-insensitively and a missing or non-numeric coordinate is 0.
    /// </summary>
    public override object? Normalize(object? raw)
    {
        switch (raw)
        {
            case GeoPoint point:
                return point;
            case string text:
                return FromText(text);
            case byte[] bytes:
                return FromText(Encoding.UTF8.GetString(bytes));
        }
        return RawValue.Unwrap(raw) is IDictionary<string, object?> map ? FromMap(map) : new GeoPoint();
    }

    private static GeoPoint FromText(string text)
    {
        if (text == "") return new GeoPoint();
        try
        {
            using var doc = JsonDocument.Parse(text);
            return RawValue.Unwrap(doc.RootElement) is IDictionary<string, object?> map ? FromMap(map) : new GeoPoint();
        }
        catch (JsonException)
        {
            return new GeoPoint();
        }
    }

    private static GeoPoint FromMap(IDictionary<string, object?> map)
    {
        double Coordinate(string key)
        {
            var entry = map.TryGetValue(key, out var exact) ? exact
                : map.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;
            return entry switch
            {
                double d => d,
                float or decimal or int or long or short or byte or uint or ulong => Convert.ToDouble(entry, CultureInfo.InvariantCulture),
                _ => 0,
            };
        }
        return new GeoPoint(Coordinate("lon"), Coordinate("lat"));
    }

    public override object? ToDbValue(object? value)
    {
        var point = value as GeoPoint ?? (GeoPoint)Normalize(value)!;
        return ToJson(point)!.ToJsonString();
    }

    public override JsonNode? ToJson(object? value)
    {
        var point = value as GeoPoint ?? (GeoPoint)Normalize(value)!;
        return new JsonObject { ["lon"] = point.Lon, ["lat"] = point.Lat };
    }

    public override ValidationError? ValidateValue(Record record, object? value)
    {
        var point = value as GeoPoint ?? (GeoPoint)Normalize(value)!;
        if (point.Lon == 0 && point.Lat == 0) return Required ? FieldErrors.Required() : null;
        if (point.Lat is < -90 or > 90)
            return FieldErrors.Create("validation_invalid_latitude", "Latitude must be between -90 and 90 degrees.");
        if (point.Lon is < -180 or > 180)
            return FieldErrors.Create("validation_invalid_longitude", "Longitude must be between -180 and 180 degrees.");
        return null;
    }

    public override void WriteSettings(JsonObject json) => json["required"] = Required;

    public override void ReadSettings(JsonObject json) => Required = SettingsJson.Bool(json, "required");
}
