using System.Globalization;
using System.Text.RegularExpressions;

namespace Satchel.Files;

/// <summary>How a thumb fills its box.</summary>
public enum ThumbMode
{
    /// <summary>"WxH": resize to cover the box, then crop it from the centre.</summary>
    CropCenter,
    /// <summary>"WxHt": resize to cover the box, then crop it from the top.</summary>
    CropTop,
    /// <summary>"WxHb": resize to cover the box, then crop it from the bottom.</summary>
    CropBottom,
    /// <summary>"WxHf": shrink to fit inside the box, keeping the aspect ratio (never enlarged).</summary>
    Fit,
    /// <summary>"0xH" or "Wx0": resize to the one given side, keeping the aspect ratio.</summary>
    Resize,
}

/// <summary>
/// A thumb size as PocketBase spells it in a file field's thumbs list and in ?thumb=:
/// "WxH", "WxHt", "WxHb", "WxHf", "0xH" or "Wx0" (a zero side takes precedence over the suffix).
/// </summary>
public sealed partial record ThumbSize(int Width, int Height, ThumbMode Mode)
{
    /// <summary>The size every file field offers besides its own list (the PocketBase dashboard's previews use it).</summary>
    public const string Default = "100x100";

    /// <summary>Parses a size; false for anything else, including "0x0" and sides that don't fit an int.</summary>
    public static bool TryParse(string? text, out ThumbSize size)
    {
        size = null!;
        var m = text == null ? Match.Empty : Pattern().Match(text);
        if (!m.Success
            || !int.TryParse(m.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var width)
            || !int.TryParse(m.Groups[2].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var height)
            || (width == 0 && height == 0))
            return false;

        var mode = width == 0 || height == 0 ? ThumbMode.Resize : m.Groups[3].Value switch
        {
            "t" => ThumbMode.CropTop,
            "b" => ThumbMode.CropBottom,
            "f" => ThumbMode.Fit,
            _ => ThumbMode.CropCenter,
        };
        size = new ThumbSize(width, height, mode);
        return true;
    }

    [GeneratedRegex(@"^(\d+)x(\d+)(t|b|f)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
