using Satchel.Files;
using Satchel.Plugins.Thumbs;
using SkiaSharp;
using static Satchel.Tests.Files.TestImages;

namespace Satchel.Tests.Files;

/// <summary>The thumbs plugin's pieces in process: sizes against PocketBase's own thumbs, and the GIF encoder.</summary>
public sealed class ThumbPixelsTests
{
    /// <summary>The sizes PocketBase gave the fixture avatar's (300×300) stored thumbs.</summary>
    [Theory]
    [InlineData("70x50", 70, 50)]
    [InlineData("70x50t", 70, 50)]
    [InlineData("70x50b", 70, 50)]
    [InlineData("70x50f", 50, 50)]
    [InlineData("0x50", 50, 50)]
    [InlineData("70x0", 70, 70)]
    [InlineData("100x100", 100, 100)]
    public void Output_sizes_match_the_thumbs_PocketBase_made(string size, int width, int height)
    {
        var original = Path.Combine(Support.RepoPaths.FixtureDataDir, "storage", "_pb_users_auth_", "4q1xlclmfloku33", "300_1SEi6Q6U72.png");
        var pocketBase = Path.Combine(Path.GetDirectoryName(original)!, "thumbs_300_1SEi6Q6U72.png", size + "_300_1SEi6Q6U72.png");
        Assert.True(ThumbSize.TryParse(size, out var parsed));

        using var stream = File.OpenRead(original);
        var thumb = new SkiaThumbGenerator().Generate(stream, "image/png", parsed)!;

        using var ours = Decode(thumb.Content);
        using var theirs = Decode(File.ReadAllBytes(pocketBase));
        Assert.Equal((width, height), (ours.Width, ours.Height));
        Assert.Equal((theirs.Width, theirs.Height), (ours.Width, ours.Height));
    }

    [Theory]
    [InlineData("0x0")]
    [InlineData("100")]
    [InlineData("100x100x")]
    [InlineData("-1x10")]
    [InlineData("99999999999x10")]
    [InlineData("10x10 ")]
    public void Malformed_sizes_are_refused(string size) => Assert.False(ThumbSize.TryParse(size, out _));

    [Theory]
    [InlineData("10x20", 10, 20, ThumbMode.CropCenter)]
    [InlineData("10x20t", 10, 20, ThumbMode.CropTop)]
    [InlineData("10x20b", 10, 20, ThumbMode.CropBottom)]
    [InlineData("10x20f", 10, 20, ThumbMode.Fit)]
    [InlineData("0x20t", 0, 20, ThumbMode.Resize)]
    [InlineData("10x0", 10, 0, ThumbMode.Resize)]
    public void Sizes_parse_as_PocketBase_reads_them(string text, int width, int height, ThumbMode mode)
    {
        Assert.True(ThumbSize.TryParse(text, out var size));
        Assert.Equal(new ThumbSize(width, height, mode), size);
    }

    [Fact]
    public void Jpegs_are_turned_upright_by_their_exif_orientation()
    {
        // Stored 200×100, left red and right blue; orientation 6 shows it turned a quarter clockwise: 100×200, red on top.
        var jpeg = WithExifOrientation(Halves(200, 100, SKEncodedImageFormat.Jpeg, vertical: false), 6);
        Assert.True(ThumbSize.TryParse("0x100", out var size));

        var thumb = new SkiaThumbGenerator().Generate(new MemoryStream(jpeg), "image/jpeg", size)!;
        using var image = Decode(thumb.Content);
        Assert.Equal((50, 100), (image.Width, image.Height));
        Assert.True(Near(image.Pixel(25, 5), Red) && Near(image.Pixel(25, 94), Blue));
    }

    /// <summary>Inserts an EXIF segment with just the orientation tag right after the JPEG's start marker.</summary>
    private static byte[] WithExifOrientation(byte[] jpeg, ushort orientation)
    {
        byte[] tiff =
        [
            (byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, // little-endian TIFF header, first IFD at 8
            1, 0,                                     // one entry
            0x12, 0x01, 3, 0, 1, 0, 0, 0,             // tag 0x0112 (orientation), SHORT, count 1
            (byte)orientation, 0, 0, 0,               // its value
            0, 0, 0, 0,                               // no next IFD
        ];
        var payload = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        var length = payload.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. payload];
        return [.. jpeg[..2], .. segment, .. jpeg[2..]];
    }

    [Fact]
    public void Gifs_of_many_colours_decode_close_to_their_source_with_transparency_kept()
    {
        const int width = 64, height = 64;
        var rgba = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var i = (y * width + x) * 4;
            (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = ((byte)(x * 4), (byte)(y * 4), (byte)((x + y) * 2), (byte)(x < 8 ? 0 : 255));
        }

        using var gif = Decode(GifEncoder.Encode(rgba, width, height));
        Assert.Equal(SKEncodedImageFormat.Gif, gif.Format);
        Assert.Equal((width, height), (gif.Width, gif.Height));
        for (var y = 0; y < height; y += 7)
        for (var x = 0; x < width; x += 5)
        {
            var i = (y * width + x) * 4;
            if (x < 8) { Assert.Equal(0, gif.Pixel(x, y).Alpha); continue; }
            var expected = new SKColor(rgba[i], rgba[i + 1], rgba[i + 2]);
            Assert.True(Near(gif.Pixel(x, y), expected, 24), $"({x},{y}): {gif.Pixel(x, y)} vs {expected}");
        }
    }

    [Fact]
    public void Large_gifs_survive_the_lzw_table_resets()
    {
        // Noise fills the 4096-entry table many times over.
        const int width = 300, height = 200;
        var random = new Random(7);
        var rgba = new byte[width * height * 4];
        random.NextBytes(rgba);
        for (var i = 3; i < rgba.Length; i += 4) rgba[i] = 255;

        using var gif = Decode(GifEncoder.Encode(rgba, width, height));
        Assert.Equal((width, height), (gif.Width, gif.Height));
        var last = (width * height - 1) * 4;
        Assert.True(Near(gif.Pixel(width - 1, height - 1), new SKColor(rgba[last], rgba[last + 1], rgba[last + 2]), 90));
    }
}
