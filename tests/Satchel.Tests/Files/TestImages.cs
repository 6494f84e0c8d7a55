using System.IO.Compression;
using System.Net.Http.Headers;
using SkiaSharp;

namespace Satchel.Tests.Files;

/// <summary>Images made for the thumb tests, and decoding what the server sends back.</summary>
public static class TestImages
{
    public static readonly SKColor Red = new(255, 0, 0);
    public static readonly SKColor Blue = new(0, 0, 255);
    public static readonly SKColor Green = new(0, 200, 0);

    /// <summary>An image whose first half (top, or left when <paramref name="vertical"/> is false) is red and the rest blue.</summary>
    public static byte[] Halves(int width, int height, SKEncodedImageFormat format, bool vertical = true)
        => Draw(width, height, format, canvas =>
        {
            canvas.Clear(Blue);
            using var red = new SKPaint { Color = Red };
            canvas.DrawRect(vertical ? SKRect.Create(width, height / 2f) : SKRect.Create(width / 2f, height), red);
        });

    /// <summary>A PNG whose left half is fully transparent and right half green.</summary>
    public static byte[] HalfTransparentPng(int width, int height)
        => Draw(width, height, SKEncodedImageFormat.Png, canvas =>
        {
            canvas.Clear(SKColors.Transparent);
            using var green = new SKPaint { Color = Green };
            canvas.DrawRect(SKRect.Create(width / 2f, 0, width / 2f, height), green);
        });

    public static byte[] Solid(int width, int height, SKColor color, SKEncodedImageFormat format)
        => Draw(width, height, format, canvas => canvas.Clear(color));

    public static byte[] Draw(int width, int height, SKEncodedImageFormat format, Action<SKCanvas> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul))!;
        draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 95)!;
        return data.ToArray();
    }

    /// <summary>
    /// A two-frame GIF: the first frame solid red, the second solid blue (each with its own colour
    /// table), built from two single-frame GIFs of the plugin's encoder.
    /// </summary>
    public static byte[] TwoFrameGif(int width, int height)
    {
        var first = Satchel.Plugins.Thumbs.GifEncoder.Encode(SolidRgba(width, height, Red), width, height);
        var second = Satchel.Plugins.Thumbs.GifEncoder.Encode(SolidRgba(width, height, Blue), width, height);
        // Both are: header (13 bytes), a 4-entry colour table (12), image descriptor (10), data, trailer.
        const int table = 13, descriptor = 25, data = 35;
        var gif = new List<byte>(first[..^1]);
        gif.AddRange(second[descriptor..(descriptor + 9)]);
        gif.Add(0x81); // a local colour table of 4 entries
        gif.AddRange(second[table..descriptor]);
        gif.AddRange(second[data..]);
        return gif.ToArray();
    }

    private static byte[] SolidRgba(int width, int height, SKColor color)
    {
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < rgba.Length; i += 4) (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = (color.Red, color.Green, color.Blue, 255);
        return rgba;
    }

    /// <summary>
    /// A valid grayscale PNG of <paramref name="width"/> × <paramref name="height"/> black pixels at one
    /// bit each: a few kilobytes that would take width × height × 4 bytes once decoded.
    /// </summary>
    public static byte[] HugeBlankPng(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 1; // bit depth
        header[9] = 0; // grayscale
        WriteChunk(png, "IHDR", header);
        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            {
                var row = new byte[1 + (width + 7) / 8]; // filter byte + packed bits, all zero
                for (var y = 0; y < height; y++) zlib.Write(row);
            }
            WriteChunk(png, "IDAT", compressed.ToArray());
        }
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>A decoded image: format, frames, size and pixels.</summary>
    public sealed class Decoded : IDisposable
    {
        public required SKEncodedImageFormat Format { get; init; }
        public required int FrameCount { get; init; }
        public required SKBitmap Bitmap { get; init; }
        public int Width => Bitmap.Width;
        public int Height => Bitmap.Height;
        public SKColor Pixel(int x, int y) => Bitmap.GetPixel(x, y);
        public void Dispose() => Bitmap.Dispose();
    }

    public static Decoded Decode(byte[] bytes)
    {
        using var codec = SKCodec.Create(new MemoryStream(bytes)) ?? throw new InvalidDataException("not an image");
        var bitmap = new SKBitmap(new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        var result = codec.GetPixels(bitmap.Info, bitmap.GetPixels());
        if (result != SKCodecResult.Success) throw new InvalidDataException("can't decode: " + result);
        return new Decoded { Format = codec.EncodedFormat, FrameCount = codec.FrameCount, Bitmap = bitmap };
    }

    /// <summary>True when <paramref name="actual"/> is within a few levels of <paramref name="expected"/> on every channel.</summary>
    public static bool Near(SKColor actual, SKColor expected, int tolerance = 40)
        => Math.Abs(actual.Red - expected.Red) <= tolerance && Math.Abs(actual.Green - expected.Green) <= tolerance
            && Math.Abs(actual.Blue - expected.Blue) <= tolerance && Math.Abs(actual.Alpha - expected.Alpha) <= tolerance;

    public static ByteArrayContent Part(byte[] content, string type)
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        return part;
    }
}
