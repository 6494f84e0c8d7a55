using Satchel.Files;

namespace Satchel.Plugins.Thumbs;

/// <summary>
/// Where a thumb comes from and how big it is, from the (upright) original's size: the part of
/// the original to use and the output size. Matches PocketBase's resizing rules: crops cover the
/// box exactly (enlarging small originals), "f" only ever shrinks, a zero side follows the aspect
/// ratio (rounded, at least 1 pixel).
/// </summary>
internal readonly record struct ThumbGeometry(float SourceX, float SourceY, float SourceWidth, float SourceHeight, int Width, int Height)
{
    public static ThumbGeometry For(int sourceWidth, int sourceHeight, ThumbSize size)
    {
        float sw = sourceWidth, sh = sourceHeight;
        switch (size.Mode)
        {
            case ThumbMode.Resize:
                return Whole(sourceWidth, sourceHeight, size.Width, size.Height);

            case ThumbMode.Fit:
                if (sourceWidth <= size.Width && sourceHeight <= size.Height) return Whole(sourceWidth, sourceHeight, sourceWidth, sourceHeight);
                var aspect = (double)sourceWidth / sourceHeight;
                return aspect > (double)size.Width / size.Height
                    ? Whole(sourceWidth, sourceHeight, size.Width, (int)(size.Width / aspect))
                    : Whole(sourceWidth, sourceHeight, (int)(size.Height * aspect), size.Height);

            default:
                // The largest part of the original with the box's aspect ratio; wider originals are
                // always cropped around their centre, taller ones at the requested anchor.
                if ((double)sourceWidth / sourceHeight > (double)size.Width / size.Height)
                {
                    var cropWidth = sh * size.Width / size.Height;
                    return new((sw - cropWidth) / 2, 0, cropWidth, sh, size.Width, size.Height);
                }
                var cropHeight = sw * size.Height / size.Width;
                var y = size.Mode switch
                {
                    ThumbMode.CropTop => 0,
                    ThumbMode.CropBottom => sh - cropHeight,
                    _ => (sh - cropHeight) / 2,
                };
                return new(0, y, sw, cropHeight, size.Width, size.Height);
        }
    }

    /// <summary>The whole original scaled to width × height, a zero side computed from the other.</summary>
    private static ThumbGeometry Whole(int sourceWidth, int sourceHeight, int width, int height)
    {
        if (width == 0) width = (int)Math.Max(1, Math.Floor((double)height * sourceWidth / sourceHeight + 0.5));
        if (height == 0) height = (int)Math.Max(1, Math.Floor((double)width * sourceHeight / sourceWidth + 0.5));
        return new(0, 0, sourceWidth, sourceHeight, width, height);
    }

    /// <summary>How much the source shrinks (below 1) or grows (above 1) on the way to the thumb.</summary>
    public double Scale => Math.Max(Width / SourceWidth, Height / SourceHeight);

    public long OutputPixels => (long)Width * Height;
}
