namespace Satchel.Models.Fields;

/// <summary>The value of a geoPoint field: longitude and latitude in degrees.</summary>
public sealed record GeoPoint(double Lon = 0, double Lat = 0);
