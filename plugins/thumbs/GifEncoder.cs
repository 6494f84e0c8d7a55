namespace Satchel.Plugins.Thumbs;

/// <summary>
/// Writes one still image as a GIF89a (Skia decodes GIFs but doesn't encode them): the colours
/// reduced to a palette by <see cref="GifPalette"/>, pixels under half opacity made transparent,
/// and the indices LZW-compressed as the format requires.
/// </summary>
internal static class GifEncoder
{
    /// <param name="rgba">Unpremultiplied RGBA, row after row.</param>
    public static byte[] Encode(byte[] rgba, int width, int height)
    {
        if (width is < 1 or > ushort.MaxValue || height is < 1 or > ushort.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(width), "a GIF is at most 65535 pixels on each side");

        var palette = GifPalette.Build(rgba);
        var indices = palette.Map(rgba);

        // The colour table has 2^bits entries, at least 4 (LZW codes start at 2 bits).
        var bits = 2;
        while ((1 << bits) < palette.Count) bits++;

        using var output = new MemoryStream();
        output.Write("GIF89a"u8);
        WriteUInt16(output, width);
        WriteUInt16(output, height);
        output.WriteByte((byte)(0x80 | ((bits - 1) << 4) | (bits - 1))); // global colour table of 2^bits, 8-bit colour
        output.WriteByte(0); // background colour index
        output.WriteByte(0); // pixel aspect ratio: unspecified
        for (var i = 0; i < 1 << bits; i++)
        {
            var color = i < palette.Count ? palette.Colors[i] : 0;
            output.WriteByte((byte)(color >> 16));
            output.WriteByte((byte)(color >> 8));
            output.WriteByte((byte)color);
        }

        if (palette.TransparentIndex is { } transparent)
        {
            // Graphic control extension: no delay, this index is transparent.
            output.Write([0x21, 0xF9, 0x04, 0x01, 0x00, 0x00, (byte)transparent, 0x00]);
        }

        output.WriteByte(0x2C); // image descriptor: the whole canvas, not interlaced, no local table
        WriteUInt16(output, 0);
        WriteUInt16(output, 0);
        WriteUInt16(output, width);
        WriteUInt16(output, height);
        output.WriteByte(0);

        output.WriteByte((byte)bits);
        GifLzw.Write(output, indices, bits);
        output.WriteByte(0x3B); // trailer
        return output.ToArray();
    }

    private static void WriteUInt16(Stream output, int value)
    {
        output.WriteByte((byte)value);
        output.WriteByte((byte)(value >> 8));
    }
}
