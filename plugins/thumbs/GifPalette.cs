namespace Satchel.Plugins.Thumbs;

/// <summary>
/// A GIF palette for an RGBA image: the image's own colours when it has at most 255 of them
/// (one more index is kept for transparency), otherwise 255 averages found by median cut over
/// the colours reduced to 5 bits per channel. Pixels under half opacity map to the transparent index.
/// </summary>
internal sealed class GifPalette
{
    private const int MaxColors = 256;

    /// <summary>0xRRGGBB entries.</summary>
    public List<int> Colors { get; } = [];

    /// <summary>The transparent entry (the last one) when the image has transparent pixels.</summary>
    public int? TransparentIndex { get; private set; }

    public int Count => Colors.Count;

    private readonly Dictionary<int, byte> _exact = [];
    private short[]? _nearest;

    private static bool IsTransparent(byte[] rgba, int i) => rgba[i + 3] < 128;

    private static int Rgb(byte[] rgba, int i) => (rgba[i] << 16) | (rgba[i + 1] << 8) | rgba[i + 2];

    private static int Reduce(int rgb) => ((rgb >> 19 & 31) << 10) | ((rgb >> 11 & 31) << 5) | (rgb >> 3 & 31);

    public static GifPalette Build(byte[] rgba)
    {
        var palette = new GifPalette();
        var hasTransparency = false;
        var exact = new HashSet<int>();
        var histogram = new int[1 << 15];
        for (var i = 0; i < rgba.Length; i += 4)
        {
            if (IsTransparent(rgba, i)) { hasTransparency = true; continue; }
            var rgb = Rgb(rgba, i);
            histogram[Reduce(rgb)]++;
            if (exact.Count < MaxColors) exact.Add(rgb);
        }

        var available = MaxColors - 1; // one index stays free for transparency either way
        if (exact.Count <= available)
        {
            foreach (var rgb in exact.Order())
            {
                palette._exact[rgb] = (byte)palette.Colors.Count;
                palette.Colors.Add(rgb);
            }
        }
        else
        {
            palette.Colors.AddRange(MedianCut(histogram, available));
            palette._nearest = new short[1 << 15];
            Array.Fill(palette._nearest, (short)-1);
        }

        if (hasTransparency)
        {
            palette.TransparentIndex = palette.Colors.Count;
            palette.Colors.Add(0);
        }
        if (palette.Colors.Count == 0) palette.Colors.Add(0);
        return palette;
    }

    /// <summary>The palette index of every pixel.</summary>
    public byte[] Map(byte[] rgba)
    {
        var indices = new byte[rgba.Length / 4];
        for (int i = 0, p = 0; i < rgba.Length; i += 4, p++)
        {
            if (IsTransparent(rgba, i)) { indices[p] = (byte)TransparentIndex!.Value; continue; }
            var rgb = Rgb(rgba, i);
            indices[p] = _nearest == null ? _exact[rgb] : Nearest(Reduce(rgb));
        }
        return indices;
    }

    private byte Nearest(int reduced)
    {
        var known = _nearest![reduced];
        if (known >= 0) return (byte)known;
        int r = Expand(reduced >> 10), g = Expand(reduced >> 5 & 31), b = Expand(reduced & 31);
        var best = 0;
        var bestDistance = int.MaxValue;
        var last = TransparentIndex ?? Colors.Count;
        for (var i = 0; i < last; i++)
        {
            var c = Colors[i];
            int dr = (c >> 16) - r, dg = (c >> 8 & 255) - g, db = (c & 255) - b;
            var distance = 2 * dr * dr + 4 * dg * dg + 3 * db * db; // green matters most to the eye, then blue
            if (distance < bestDistance) { bestDistance = distance; best = i; }
        }
        _nearest[reduced] = (short)best;
        return (byte)best;
    }

    private static int Expand(int five) => (five << 3) | (five >> 2);

    /// <summary>
    /// Splits the colour space into <paramref name="count"/> boxes, each time halving (by pixel count,
    /// along its longest side) the box that spans the most, and returns each box's weighted average.
    /// </summary>
    private static List<int> MedianCut(int[] histogram, int count)
    {
        var colors = Enumerable.Range(0, histogram.Length).Where(c => histogram[c] > 0).ToArray();
        var boxes = new List<(int Start, int Length)> { (0, colors.Length) };

        while (boxes.Count < count)
        {
            var widest = -1;
            var widestRange = 0;
            var widestChannel = 0;
            for (var b = 0; b < boxes.Count; b++)
            {
                if (boxes[b].Length < 2) continue;
                var (channel, range) = LongestSide(colors, boxes[b]);
                if (range > widestRange) { widest = b; widestRange = range; widestChannel = channel; }
            }
            if (widest < 0) break; // every box is a single colour

            var (start, length) = boxes[widest];
            var shift = widestChannel * 5;
            Array.Sort(colors, start, length, Comparer<int>.Create((x, y) => (x >> shift & 31).CompareTo(y >> shift & 31)));

            long total = 0;
            for (var i = start; i < start + length; i++) total += histogram[colors[i]];
            long seen = 0;
            var split = start + 1;
            for (var i = start; i < start + length - 1; i++)
            {
                seen += histogram[colors[i]];
                split = i + 1;
                if (seen * 2 >= total) break;
            }
            boxes[widest] = (start, split - start);
            boxes.Add((split, start + length - split));
        }

        var result = new List<int>(boxes.Count);
        foreach (var (start, length) in boxes)
        {
            long r = 0, g = 0, b = 0, n = 0;
            for (var i = start; i < start + length; i++)
            {
                var c = colors[i];
                long weight = histogram[c];
                r += Expand(c >> 10) * weight;
                g += Expand(c >> 5 & 31) * weight;
                b += Expand(c & 31) * weight;
                n += weight;
            }
            result.Add((int)(r / n) << 16 | (int)(g / n) << 8 | (int)(b / n));
        }
        return result;
    }

    /// <summary>The channel (0 blue, 1 green, 2 red: its 5-bit shift ÷ 5) along which the box spans most, and that span.</summary>
    private static (int Channel, int Range) LongestSide(int[] colors, (int Start, int Length) box)
    {
        int[] min = [31, 31, 31], max = [0, 0, 0];
        for (var i = box.Start; i < box.Start + box.Length; i++)
        {
            for (var ch = 0; ch < 3; ch++)
            {
                var v = colors[i] >> (ch * 5) & 31;
                if (v < min[ch]) min[ch] = v;
                if (v > max[ch]) max[ch] = v;
            }
        }
        var best = 0;
        for (var ch = 1; ch < 3; ch++) if (max[ch] - min[ch] > max[best] - min[best]) best = ch;
        return (best, max[best] - min[best]);
    }
}
