namespace Satchel.Collections;

/// <summary>
/// CRC-32 (IEEE) of a string's UTF-8 bytes as a decimal number: PocketBase derives default
/// collection ids ("pbc_" + crc of type+name) and default field ids (type + crc of name) from it,
/// so the same input must give the same id here.
/// </summary>
public static class Crc32Text
{
    private static readonly uint[] Table = BuildTable();

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            table[i] = c;
        }
        return table;
    }

    public static string Of(string text)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in System.Text.Encoding.UTF8.GetBytes(text)) crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return (crc ^ 0xFFFFFFFFu).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
