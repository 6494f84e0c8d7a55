using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Satchel.Files;

/// <summary>
/// Streams a stored file the way PocketBase serves it: its recorded content type (a few
/// extensions forced to the type browsers need), inline only for media and PDFs (attachment
/// always with ?download=1), a sandboxing Content-Security-Policy and a 30-day cache header.
/// Range, If-None-Match and If-Modified-Since are answered by ASP.NET Core's file result.
/// Headers a hook already set are kept.
/// </summary>
public static class FileResponse
{
    public const string ContentSecurityPolicy = "default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; sandbox";
    public const string CacheControl = "max-age=2592000, stale-while-revalidate=86400";

    /// <summary>Types a browser may show in place; everything else downloads.</summary>
    private static readonly HashSet<string> InlineTypes = new(StringComparer.Ordinal)
    {
        "image/png", "image/jpg", "image/jpeg", "image/gif", "image/webp", "image/x-icon", "image/bmp",
        "video/webm", "video/mp4", "video/3gpp", "video/quicktime", "video/x-ms-wmv",
        "audio/basic", "audio/aiff", "audio/mpeg", "audio/midi", "audio/mp3", "audio/wave",
        "audio/wav", "audio/x-wav", "audio/x-mpeg", "audio/x-m4a", "audio/aac",
        "application/pdf", "application/x-pdf",
    };

    /// <summary>Extensions whose content type is set by name because sniffing can't tell them apart.</summary>
    private static readonly Dictionary<string, string> ExtensionTypes = new(StringComparer.Ordinal)
    {
        [".svg"] = "image/svg+xml",
        [".css"] = "text/css",
        [".js"] = "text/javascript",
        [".mjs"] = "text/javascript",
        [".xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    };

    /// <summary>Serves <paramref name="key"/> as <paramref name="name"/>; false (nothing written) when it doesn't exist.</summary>
    public static async Task<bool> ServeAsync(HttpContext http, IFileSystem fs, string key, string name)
    {
        var info = await fs.GetAttributesAsync(key, http.RequestAborted);
        if (info == null) return false;
        var stream = await fs.OpenReadAsync(key, ct: http.RequestAborted);
        if (stream == null) return false;

        var headers = http.Response.Headers;
        var disposition = !IsTruthy(http.Request.Query["download"].ToString()) && InlineTypes.Contains(info.ContentType) ? "inline" : "attachment";
        var contentType = ExtensionTypes.TryGetValue(Path.GetExtension(key), out var byExtension) ? byExtension : info.ContentType;

        SetIfMissing(headers, HeaderNames.ContentDisposition, disposition + "; " + FilenameParameter(name));
        SetIfMissing(headers, HeaderNames.ContentSecurityPolicy, ContentSecurityPolicy);
        SetIfMissing(headers, HeaderNames.CacheControl, CacheControl);
        SetIfMissing(headers, HeaderNames.XContentTypeOptions, "nosniff");
        if (headers.ContentType.Count > 0) contentType = headers.ContentType.ToString();

        var result = Results.Stream(stream, contentType, fileDownloadName: null, info.ModifiedAt,
            EntityTagHeaderValue.TryParse(info.ETag, out var etag) ? etag : null, enableRangeProcessing: stream.CanSeek);
        await result.ExecuteAsync(http);
        return true;
    }

    /// <summary>Go's strconv.ParseBool truthy values ("1", "t", "true" in its spellings).</summary>
    public static bool IsTruthy(string value) => value is "1" or "t" or "T" or "true" or "TRUE" or "True";

    /// <summary>"filename=name" as is for plain names (as PocketBase sends it), quoted with an RFC 5987 form otherwise.</summary>
    public static string FilenameParameter(string name)
    {
        if (name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '+' or '=' or '#' or '*' or '~'))
            return "filename=" + name;
        var ascii = new StringBuilder();
        foreach (var c in name) ascii.Append(c is < ' ' or > '~' or '"' or '\\' ? '_' : c);
        return $"filename=\"{ascii}\"; filename*=UTF-8''{Uri.EscapeDataString(name)}";
    }

    private static void SetIfMissing(IHeaderDictionary headers, string name, string value)
    {
        if (!headers.ContainsKey(name)) headers[name] = value;
    }
}
