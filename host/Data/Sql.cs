namespace Satchel.Data;

/// <summary>SQL text helpers. Identifiers come from validated collection/field names; values always go in parameters.</summary>
public static class Sql
{
    /// <summary>Quotes an identifier for SQLite ("name", with inner quotes doubled).</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    /// <summary>A column value as text: PocketBase writes JSON columns as blobs, so bytes are read as UTF-8.</summary>
    public static string Text(object? value) => value switch
    {
        null or DBNull => "",
        string s => s,
        byte[] b => System.Text.Encoding.UTF8.GetString(b),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    /// <summary>The current time in PocketBase's stored format: "2006-01-02 15:04:05.000Z".</summary>
    public static string Now() => FormatDate(DateTime.UtcNow);

    public static string FormatDate(DateTime utc) => utc.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
