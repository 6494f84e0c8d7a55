using System.Globalization;
using System.Text;

namespace Satchel.Models.Fields;

/// <summary>
/// Field ids PocketBase derives for fields created without one: the type name followed by the
/// decimal CRC-32 (IEEE) of the field name, e.g. "text3208210256" for a text field "id". When that
/// id is taken in the list, a counter from 2 is appended.
/// </summary>
public static class FieldIds
{
    private static readonly uint[] Table = BuildTable();

    public static string Base(string type, string name) => type + Crc32(name).ToString(CultureInfo.InvariantCulture);

    /// <summary>The derived id, made unique among <paramref name="siblings"/>.</summary>
    public static string Generate(string type, string name, FieldList? siblings)
    {
        var baseId = Base(type, name);
        var id = baseId;
        for (var i = 2; i < 1000 && siblings?.ById(id) != null; i++) id = baseId + i.ToString(CultureInfo.InvariantCulture);
        return id;
    }

    public static uint Crc32(string text)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in Encoding.UTF8.GetBytes(text)) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return ~crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
