using Satchel.Files;
using SkiaSharp;

namespace Satchel.Plugins.Thumbs;

/// <summary>
/// Thumbs with Skia: decodes the original's first frame upright (EXIF orientation applied),
/// resizes and crops it per <see cref="ThumbGeometry"/>, and encodes it as PocketBase does — JPEG
/// for JPEG originals, GIF for GIFs, PNG for everything else (WebP included), transparency kept.
/// Originals that declare more than <see cref="MaxSourcePixels"/> pixels are not decoded, and thumbs
/// above <see cref="MaxThumbPixels"/> are not made, so a small file can't claim gigabytes of memory.
/// </summary>
internal sealed class SkiaThumbGenerator : IThumbGenerator
{
    public const long MaxSourcePixels = 50_000_000;
    public const long MaxThumbPixels = 16_777_216; // 4096 × 4096
    public const int JpegQuality = 90;

    private static readonly SKSamplingOptions Smooth = new(SKFilterMode.Linear, SKMipmapMode.Linear);

    public GeneratedThumb? Generate(Stream original, string contentType, ThumbSize size)
    {
        using var codec = SKCodec.Create(original);
        if (codec == null) return null;

        var info = codec.Info;
        if (info.Width <= 0 || info.Height <= 0 || (long)info.Width * info.Height > MaxSourcePixels) return null;

        var turned = SwapsSides(codec.EncodedOrigin);
        var (uprightWidth, uprightHeight) = turned ? (info.Height, info.Width) : (info.Width, info.Height);
        var geometry = ThumbGeometry.For(uprightWidth, uprightHeight, size);
        if (geometry.OutputPixels > MaxThumbPixels) return null;

        using var decoded = Decode(codec, geometry.Scale);
        if (decoded == null) return null;
        using var upright = Orient(decoded, codec.EncodedOrigin);

        // The geometry is in the original's pixels; a reduced decode scales it down.
        var fx = (float)upright.Width / uprightWidth;
        var fy = (float)upright.Height / uprightHeight;
        var source = SKRect.Create(geometry.SourceX * fx, geometry.SourceY * fy, geometry.SourceWidth * fx, geometry.SourceHeight * fy);

        // The thumb covers its whole box, so an opaque original gives an opaque thumb (an RGB PNG, not RGBA).
        var alpha = info.AlphaType == SKAlphaType.Opaque ? SKAlphaType.Opaque : SKAlphaType.Premul;
        var target = new SKImageInfo(geometry.Width, geometry.Height, SKColorType.Rgba8888, alpha, SKColorSpace.CreateSrgb());
        using var surface = SKSurface.Create(target) ?? throw new InvalidOperationException("can't allocate the thumb");
        surface.Canvas.Clear(SKColors.Transparent);
        using (var image = SKImage.FromBitmap(upright))
            surface.Canvas.DrawImage(image, source, SKRect.Create(geometry.Width, geometry.Height), Smooth);
        surface.Canvas.Flush();

        using var snapshot = surface.Snapshot();
        return contentType switch
        {
            "image/jpeg" => new(Encode(snapshot, SKEncodedImageFormat.Jpeg, JpegQuality), "image/jpeg"),
            "image/gif" => new(EncodeGif(snapshot), "image/gif"),
            _ => new(Encode(snapshot, SKEncodedImageFormat.Png, 100), "image/png"),
        };
    }

    /// <summary>
    /// The first frame, reduced while decoding when the format allows it (JPEG, WebP) to no less
    /// than twice the size the thumb needs, which keeps large photos cheap without visible loss.
    /// </summary>
    private static SKBitmap? Decode(SKCodec codec, double scale)
    {
        var dimensions = codec.Info.Size;
        var wanted = Math.Min(1, scale * 2);
        // Codecs round a requested scale to one they support (JPEG: eighths), possibly downwards,
        // so try them from the smallest up and take the first that is large enough.
        for (var eighths = 1; eighths < 8 && wanted < 1; eighths++)
        {
            var reduced = codec.GetScaledDimensions(eighths / 8f);
            if (reduced.Width >= dimensions.Width * wanted && reduced.Height >= dimensions.Height * wanted)
            {
                dimensions = reduced;
                break;
            }
        }

        var info = new SKImageInfo(dimensions.Width, dimensions.Height, SKColorType.Rgba8888, SKAlphaType.Premul, SKColorSpace.CreateSrgb());
        var bitmap = new SKBitmap();
        if (!bitmap.TryAllocPixels(info))
        {
            bitmap.Dispose();
            return null;
        }
        // A GIF's first frame may leave parts of the canvas empty: those stay transparent.
        bitmap.Erase(SKColors.Transparent);
        var result = codec.GetPixels(info, bitmap.GetPixels(), new SKCodecOptions(0));
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            return null;
        }
        return bitmap;
    }

    private static bool SwapsSides(SKEncodedOrigin origin)
        => origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;

    /// <summary>The bitmap as the camera meant it to be seen (the same bitmap when it already is).</summary>
    private static SKBitmap Orient(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin is SKEncodedOrigin.TopLeft) return bitmap;
        float w = bitmap.Width, h = bitmap.Height;
        // Each matrix maps a pixel of the stored image to its place in the upright one.
        var matrix = origin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        var size = SwapsSides(origin) ? new SKSizeI(bitmap.Height, bitmap.Width) : new SKSizeI(bitmap.Width, bitmap.Height);
        var upright = new SKBitmap(bitmap.Info.WithSize(size));
        using (var canvas = new SKCanvas(upright))
        {
            canvas.Clear(SKColors.Transparent);
            canvas.SetMatrix(matrix);
            canvas.DrawBitmap(bitmap, 0, 0, SKSamplingOptions.Default);
        }
        bitmap.Dispose();
        return upright;
    }

    private static byte[] Encode(SKImage image, SKEncodedImageFormat format, int quality)
    {
        using var data = image.Encode(format, quality) ?? throw new InvalidOperationException($"can't encode the thumb as {format}");
        return data.ToArray();
    }

    private static byte[] EncodeGif(SKImage image)
    {
        var info = new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var bitmap = new SKBitmap(info);
        using (var pixmap = bitmap.PeekPixels())
        {
            if (!image.ReadPixels(pixmap)) throw new InvalidOperationException("can't read the thumb's pixels");
        }
        var pixels = bitmap.GetPixelSpan().ToArray();
        return GifEncoder.Encode(pixels, image.Width, image.Height);
    }
}
