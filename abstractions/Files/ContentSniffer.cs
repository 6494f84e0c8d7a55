using System.Text;

namespace Satchel.Files;

/// <summary>A detected content type: its MIME string (text types carry a charset) and usual extension ("" when none).</summary>
public sealed record DetectedType(string MimeType, string Extension)
{
    /// <summary>
    /// True when this type, or one of its aliases, is <paramref name="expected"/>: compared on
    /// "type/subtype" only, case-insensitively, ignoring parameters such as charset.
    /// </summary>
    public bool Is(string expected)
    {
        var wanted = ContentSniffer.BaseType(expected);
        var found = ContentSniffer.BaseType(MimeType);
        return wanted == found || (ContentSniffer.Aliases.TryGetValue(found, out var aliases) && aliases.Contains(wanted));
    }
}

/// <summary>
/// Detects a file's type from its first bytes — never from its name or the type a client declared —
/// with the same results (MIME strings, extensions, aliases) as the detector PocketBase uses, for the
/// formats people commonly upload: images, documents, archives, audio, video, fonts and text.
/// Anything unrecognised is "application/octet-stream".
/// </summary>
public static class ContentSniffer
{
    /// <summary>How many leading bytes detection looks at.</summary>
    public const int ReadLimit = 3072;

    public static readonly DetectedType OctetStream = new("application/octet-stream", "");

    internal static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["application/zip"] = ["application/x-zip", "application/x-zip-compressed"],
        ["application/gzip"] = ["application/x-gzip", "application/x-gunzip", "application/gzipped", "application/gzip-compressed", "application/x-gzip-compressed", "gzip/document"],
        ["application/pdf"] = ["application/x-pdf"],
        ["application/ogg"] = ["application/x-ogg"],
        ["application/java-archive"] = ["application/jar", "application/jar-archive", "application/x-java-archive"],
        ["application/x-rar-compressed"] = ["application/x-rar"],
        ["application/msword"] = ["application/vnd.ms-word"],
        ["application/vnd.ms-excel"] = ["application/msexcel"],
        ["application/vnd.ms-powerpoint"] = ["application/mspowerpoint"],
        ["image/bmp"] = ["image/x-bmp", "image/x-ms-bmp"],
        ["image/vnd.adobe.photoshop"] = ["image/x-psd", "application/photoshop"],
        ["audio/mpeg"] = ["audio/x-mpeg", "audio/mp3"],
        ["audio/wav"] = ["audio/x-wav", "audio/vnd.wave", "audio/wave"],
        ["audio/midi"] = ["audio/mid", "audio/sp-midi", "audio/x-mid", "audio/x-midi"],
        ["audio/flac"] = [],
        ["video/webm"] = ["audio/webm"],
        ["video/matroska"] = ["video/x-matroska"],
        ["video/x-msvideo"] = ["video/avi", "video/msvideo"],
        ["font/ttf"] = ["font/sfnt", "application/x-font-ttf", "application/font-sfnt"],
        ["text/xml"] = ["application/xml"],
        ["text/javascript"] = ["application/x-javascript", "application/javascript"],
        ["text/rtf"] = ["application/rtf"],
    };

    /// <summary>The type of the content starting with <paramref name="head"/> (only the first <see cref="ReadLimit"/> bytes matter).</summary>
    public static DetectedType Detect(ReadOnlySpan<byte> head)
    {
        var b = head.Length > ReadLimit ? head[..ReadLimit] : head;
        return DetectBinary(b) ?? DetectText(b) ?? OctetStream;
    }

    /// <summary>Reads up to <see cref="ReadLimit"/> bytes of a seekable stream, detects, and rewinds it.</summary>
    public static DetectedType Detect(Stream content)
    {
        var start = content.CanSeek ? content.Position : 0;
        var buffer = new byte[ReadLimit];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = content.Read(buffer, read, buffer.Length - read)) > 0) read += n;
        if (content.CanSeek) content.Position = start;
        return Detect(buffer.AsSpan(0, read));
    }

    internal static string BaseType(string mime)
    {
        var semi = mime.IndexOf(';');
        return (semi >= 0 ? mime[..semi] : mime).Trim().ToLowerInvariant();
    }

    private static DetectedType? DetectBinary(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C])) return new("application/x-7z-compressed", ".7z");
        if (b.Length > 3 && b[0] == 'P' && b[1] == 'K' && b[2] is 3 or 5 or 7 && b[3] is 4 or 6 or 8) return Zip(b);
        if (b.StartsWith("%PDF-"u8)) return new("application/pdf", ".pdf");
        if (b.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])) return new("application/x-ole-storage", "");
        if (b.StartsWith("%!PS-Adobe-"u8)) return new("application/postscript", ".ps");
        if (b.StartsWith("8BPS"u8)) return new("image/vnd.adobe.photoshop", ".psd");
        if (b.StartsWith("OggS"u8)) return Ogg(b);
        if (b.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])) return new("image/png", ".png");
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return new("image/jpeg", ".jpg");
        if (b.StartsWith("GIF87a"u8) || b.StartsWith("GIF89a"u8)) return new("image/gif", ".gif");
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WEBP"u8)) return new("image/webp", ".webp");
        if (b.StartsWith((ReadOnlySpan<byte>)[0x4D, 0x5A])) return new("application/vnd.microsoft.portable-executable", ".exe");
        if (b.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46])) return new("application/x-elf", "");
        if (b.Length > 262 && b[257..262].SequenceEqual("ustar"u8)) return new("application/x-tar", ".tar");
        if (b.StartsWith("BZh"u8)) return new("application/x-bzip2", ".bz2");
        if (b.StartsWith("II*\0"u8) || b.StartsWith("MM\0*"u8)) return new("image/tiff", ".tiff");
        if (b.Length >= 18 && b[0] == 'B' && b[1] == 'M') return new("image/bmp", ".bmp");
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x01, 0x00]) || b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0x02, 0x00])) return new("image/x-icon", ".ico");
        if (b.StartsWith("fLaC"u8)) return new("audio/flac", ".flac");
        if (b.StartsWith("MThd"u8)) return new("audio/midi", ".midi");
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("WAVE"u8)) return new("audio/wav", ".wav");
        if (b.Length >= 12 && b.StartsWith("FORM"u8) && b[8..12].SequenceEqual("AIFF"u8)) return new("audio/aiff", ".aiff");
        if (b.Length >= 12 && b[4..8].SequenceEqual("ftyp"u8)) return Ftyp(b);
        if (IsQuickTimeAtom(b)) return new("video/quicktime", ".mov");
        if (b.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3])) return Matroska(b);
        if (b.Length >= 12 && b.StartsWith("RIFF"u8) && b[8..12].SequenceEqual("AVI "u8)) return new("video/x-msvideo", ".avi");
        if (b.StartsWith("FLV"u8)) return new("video/x-flv", ".flv");
        if (b.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])) return new("application/gzip", ".gz");
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x01, 0x00, 0x00, 0x00])) return new("font/ttf", ".ttf");
        if (b.StartsWith("wOFF"u8)) return new("font/woff", ".woff");
        if (b.StartsWith("wOF2"u8)) return new("font/woff2", ".woff2");
        if (b.StartsWith("OTTO"u8)) return new("font/otf", ".otf");
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x61, 0x73, 0x6D])) return new("application/wasm", ".wasm");
        if (b.StartsWith((ReadOnlySpan<byte>)[0x52, 0x61, 0x72, 0x21, 0x1A, 0x07])) return new("application/x-rar-compressed", ".rar");
        if (b.StartsWith("SQLite format 3\0"u8)) return new("application/vnd.sqlite3", ".sqlite");
        if (b.StartsWith((ReadOnlySpan<byte>)[0x28, 0xB5, 0x2F, 0xFD])) return new("application/zstd", ".zst");
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00])) return new("application/x-xz", ".xz");
        if (IsMp3(b)) return new("audio/mpeg", ".mp3");
        return null;
    }

    private static DetectedType Zip(ReadOnlySpan<byte> b)
    {
        if (HasAt(b, "mimetypeapplication/epub+zip"u8, 30)) return new("application/epub+zip", ".epub");
        if (HasAt(b, "mimetypeapplication/vnd.oasis.opendocument.text"u8, 30)) return new("application/vnd.oasis.opendocument.text", ".odt");
        if (HasAt(b, "mimetypeapplication/vnd.oasis.opendocument.spreadsheet"u8, 30)) return new("application/vnd.oasis.opendocument.spreadsheet", ".ods");
        if (HasAt(b, "mimetypeapplication/vnd.oasis.opendocument.presentation"u8, 30)) return new("application/vnd.oasis.opendocument.presentation", ".odp");

        // Office Open XML: the first entries name the part folders.
        foreach (var entry in ZipEntryNames(b))
        {
            if (entry.StartsWith("word/", StringComparison.Ordinal)) return new("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx");
            if (entry.StartsWith("xl/", StringComparison.Ordinal)) return new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx");
            if (entry.StartsWith("ppt/", StringComparison.Ordinal)) return new("application/vnd.openxmlformats-officedocument.presentationml.presentation", ".pptx");
            if (entry.StartsWith("META-INF/", StringComparison.Ordinal)) return new("application/java-archive", ".jar");
        }
        return new("application/zip", ".zip");
    }

    /// <summary>Names of the zip local file headers found in the buffer, in order.</summary>
    private static IEnumerable<string> ZipEntryNames(ReadOnlySpan<byte> b)
    {
        var names = new List<string>();
        var i = 0;
        while (i + 30 <= b.Length && names.Count < 8)
        {
            if (!(b[i] == 'P' && b[i + 1] == 'K' && b[i + 2] == 3 && b[i + 3] == 4)) break;
            var compressed = BitConverter.ToUInt32(b.Slice(i + 18, 4));
            int nameLen = BitConverter.ToUInt16(b.Slice(i + 26, 2));
            int extraLen = BitConverter.ToUInt16(b.Slice(i + 28, 2));
            if (i + 30 + nameLen > b.Length) break;
            names.Add(Encoding.ASCII.GetString(b.Slice(i + 30, nameLen)));
            var next = (long)i + 30 + nameLen + extraLen + compressed;
            if (next > b.Length || compressed == 0) break;
            i = (int)next;
        }
        return names;
    }

    private static DetectedType Ogg(ReadOnlySpan<byte> b)
    {
        if (b.Length >= 37)
        {
            var page = b[28..];
            if (page.StartsWith((ReadOnlySpan<byte>)[0x7F, (byte)'F', (byte)'L', (byte)'A', (byte)'C']) || page.StartsWith((ReadOnlySpan<byte>)[0x01, (byte)'v', (byte)'o', (byte)'r', (byte)'b', (byte)'i', (byte)'s'])
                || page.StartsWith("OpusHead"u8) || page.StartsWith("Speex   "u8))
                return new("audio/ogg", ".oga");
            if (page.StartsWith((ReadOnlySpan<byte>)[0x80, (byte)'t', (byte)'h', (byte)'e', (byte)'o', (byte)'r', (byte)'a']) || page.StartsWith("fishead\0"u8)) return new("video/ogg", ".ogv");
        }
        return new("application/ogg", ".ogg");
    }

    private static DetectedType Ftyp(ReadOnlySpan<byte> b)
    {
        var brand = Encoding.ASCII.GetString(b[8..12]);
        return brand switch
        {
            "avif" or "avis" => new("image/avif", ".avif"),
            "heic" or "heix" => new("image/heic", ".heic"),
            "hevc" or "hevx" => new("image/heic-sequence", ".heic"),
            "mif1" or "heim" or "heis" or "avic" => new("image/heif", ".heif"),
            "M4A " => new("audio/x-m4a", ".m4a"),
            "M4V " or "M4VH" or "M4VP" => new("video/x-m4v", ".m4v"),
            "F4A " or "F4B " or "M4B " or "M4P " or "MSNV" or "NDAS" => new("audio/mp4", ".mp4"),
            "qt  " when b[0] == 0 => new("video/quicktime", ".mov"),
            _ when brand.StartsWith("3gp", StringComparison.Ordinal) || brand is "3gs7" or "3ge6" or "3ge7" or "3gg6" => new("video/3gpp", ".3gp"),
            _ when brand.StartsWith("3g2", StringComparison.Ordinal) || brand == "KDDI" => new("video/3gpp2", ".3g2"),
            _ => new("video/mp4", ".mp4"),
        };
    }

    private static bool IsQuickTimeAtom(ReadOnlySpan<byte> b)
    {
        if (b.Length < 12 || b[0] != 0) return false;
        var atom = b[4..8];
        return atom.SequenceEqual("moov"u8) || atom.SequenceEqual("mdat"u8) || atom.SequenceEqual("wide"u8)
            || atom.SequenceEqual("free"u8) || atom.SequenceEqual("skip"u8) || atom.SequenceEqual("pnot"u8);
    }

    private static DetectedType Matroska(ReadOnlySpan<byte> b)
    {
        var head = b.Length > 4096 ? b[..4096] : b;
        if (head.IndexOf("webm"u8) >= 0) return new("video/webm", ".webm");
        return new("video/matroska", ".mkv");
    }

    private static bool IsMp3(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith("ID3"u8)) return true;
        // An MPEG audio frame header: 11 sync bits, layer III, a valid bitrate and sample rate.
        if (b.Length < 4 || b[0] != 0xFF || (b[1] & 0xE0) != 0xE0) return false;
        var layer = (b[1] >> 1) & 0x3;
        var bitrate = b[2] >> 4;
        var rate = (b[2] >> 2) & 0x3;
        return layer == 1 && bitrate is not 0 and not 15 && rate != 3;
    }

    private static bool HasAt(ReadOnlySpan<byte> b, ReadOnlySpan<byte> sig, int offset)
        => b.Length >= offset + sig.Length && b.Slice(offset, sig.Length).SequenceEqual(sig);

    // --- text ---

    private static DetectedType? DetectText(ReadOnlySpan<byte> b)
    {
        var bom = BomCharset(b);
        if (bom == null)
        {
            foreach (var c in b.Length > 4096 ? b[..4096] : b)
            {
                // Binary data bytes as the WHATWG MIME sniffing standard defines them.
                if (c <= 0x08 || c == 0x0B || c is >= 0x0E and <= 0x1A || c is >= 0x1C and <= 0x1F) return null;
            }
        }

        var body = b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? b[3..] : b;
        var trimmed = TrimLeadingWhitespace(body);

        if (IsSvg(trimmed)) return new("image/svg+xml", ".svg");
        if (IsHtml(trimmed)) return WithCharset("text/html", ".html", b);
        if (Markup(trimmed, "<?XML"u8)) return WithCharset("text/xml", ".xml", b);
        if (IsJson(trimmed)) return new("application/json", ".json");
        return WithCharset("text/plain", ".txt", b);
    }

    private static DetectedType WithCharset(string mime, string ext, ReadOnlySpan<byte> b)
    {
        var charset = PlainCharset(b);
        return new(charset == null ? mime : mime + "; charset=" + charset, ext);
    }

    private static string? BomCharset(ReadOnlySpan<byte> b)
    {
        if (b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return "utf-8";
        if (b.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF])) return "utf-32be";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00])) return "utf-32le";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return "utf-16be";
        if (b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return "utf-16le";
        return null;
    }

    /// <summary>UTF-8 (ASCII included) when the bytes are valid UTF-8, else ISO-8859-1 or windows-1252; null for empty input.</summary>
    private static string? PlainCharset(ReadOnlySpan<byte> b)
    {
        if (b.Length == 0) return null;
        if (BomCharset(b) is { } bom) return bom;

        // A multi-byte character cut off by the read limit doesn't make the text invalid.
        var content = b;
        for (var i = b.Length - 1; i >= 0 && i > b.Length - 4; i--)
        {
            if (b[i] < 0x80) break;
            if ((b[i] & 0xC0) != 0x80) { content = b[..i]; break; }
        }
        if (System.Text.Unicode.Utf8.IsValid(content)) return "utf-8";

        var c1Controls = false;
        foreach (var c in b)
        {
            if (c < 0x20 && c is not (0x07 or 0x08 or 0x09 or 0x0A or 0x0B or 0x0C or 0x0D or 0x1B)) return null;
            if (c == 0x7F) return null;
            if (c is >= 0x80 and <= 0x9F) c1Controls = true;
        }
        return c1Controls ? "windows-1252" : "iso-8859-1";
    }

    private static ReadOnlySpan<byte> TrimLeadingWhitespace(ReadOnlySpan<byte> b)
    {
        var i = 0;
        while (i < b.Length && b[i] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C) i++;
        return b[i..];
    }

    private static bool IsSvg(ReadOnlySpan<byte> b)
    {
        var head = b.Length > 4096 ? b[..4096] : b;
        if (head.StartsWith("<?xml"u8)) return head.IndexOf("<svg"u8) >= 0;
        // Leading comments are allowed before the root element.
        while (head.StartsWith("<!--"u8))
        {
            var end = head.IndexOf("-->"u8);
            if (end < 0) return false;
            head = TrimLeadingWhitespace(head[(end + 3)..]);
        }
        return head.StartsWith("<svg"u8) && head.IndexOf("http://www.w3.org/2000/svg"u8) >= 0;
    }

    private static bool IsHtml(ReadOnlySpan<byte> b)
    {
        ReadOnlySpan<string> sigs = ["<!DOCTYPE HTML", "<HTML", "<HEAD", "<SCRIPT", "<IFRAME", "<H1", "<DIV", "<FONT", "<TABLE", "<A", "<STYLE", "<TITLE", "<B", "<BODY", "<BR", "<P", "<!--"];
        foreach (var sig in sigs)
        {
            if (Markup(b, Encoding.ASCII.GetBytes(sig))) return true;
        }
        return false;
    }

    /// <summary>A case-insensitive tag signature followed by whitespace or "&gt;".</summary>
    private static bool Markup(ReadOnlySpan<byte> b, ReadOnlySpan<byte> sig)
    {
        if (b.Length < sig.Length + 1) return false;
        for (var i = 0; i < sig.Length; i++)
        {
            var c = b[i];
            if (sig[i] is >= (byte)'A' and <= (byte)'Z') c &= 0xDF;
            if (c != sig[i]) return false;
        }
        var next = b[sig.Length];
        return next is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or 0x0C or (byte)'>';
    }

    /// <summary>An object or array that parses as JSON (a truncated document counts when it was cut by the read limit).</summary>
    private static bool IsJson(ReadOnlySpan<byte> b)
    {
        if (b.Length == 0 || (b[0] != '{' && b[0] != '[')) return false;
        var reader = new System.Text.Json.Utf8JsonReader(b, isFinalBlock: b.Length < ReadLimit, state: default);
        try
        {
            while (reader.Read()) { }
            return true;
        }
        catch (System.Text.Json.JsonException)
        {
            return false;
        }
    }
}
