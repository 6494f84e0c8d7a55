using System.Text.Encodings.Web;
using System.Text.Json;

namespace Satchel.Plugins.FilesLocal;

/// <summary>
/// The "&lt;file&gt;.attrs" JSON file PocketBase keeps beside every stored file (content type,
/// custom metadata, MD5 of the content). Read when present — a file without one is
/// "application/octet-stream" — and written in the same shape so PocketBase reads our files.
/// </summary>
internal sealed record AttrsSidecar(string ContentType, IReadOnlyDictionary<string, string> Metadata, byte[]? Md5)
{
    public const string Extension = ".attrs";
    public const string DefaultContentType = "application/octet-stream";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static AttrsSidecar Missing { get; } = new(DefaultContentType, new Dictionary<string, string>(), null);

    public static string PathOf(string filePath) => filePath + Extension;

    /// <summary>The sidecar of <paramref name="filePath"/>; <see cref="Missing"/> when it has none or it can't be read.</summary>
    public static AttrsSidecar Read(string filePath)
    {
        byte[] json;
        try { json = File.ReadAllBytes(PathOf(filePath)); }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return Missing; }

        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var contentType = root.TryGetProperty("user.content_type", out var ct) && ct.ValueKind == JsonValueKind.String ? ct.GetString()! : "";
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("user.metadata", out var meta) && meta.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in meta.EnumerateObject())
                {
                    if (p.Value.ValueKind == JsonValueKind.String) metadata[p.Name] = p.Value.GetString()!;
                }
            }
            byte[]? md5 = null;
            if (root.TryGetProperty("md5", out var m) && m.ValueKind == JsonValueKind.String && m.TryGetBytesFromBase64(out var bytes)) md5 = bytes;
            return new AttrsSidecar(contentType, metadata, md5);
        }
        catch (JsonException)
        {
            return Missing;
        }
    }

    /// <summary>PocketBase's layout: the four user.* text attributes, user.content_type, user.metadata (null when empty), md5 (base64), newline-terminated.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            w.WriteStartObject();
            w.WriteString("user.cache_control", "");
            w.WriteString("user.content_disposition", "");
            w.WriteString("user.content_encoding", "");
            w.WriteString("user.content_language", "");
            w.WriteString("user.content_type", ContentType);
            if (Metadata.Count == 0)
            {
                w.WriteNull("user.metadata");
            }
            else
            {
                w.WriteStartObject("user.metadata");
                foreach (var (k, v) in Metadata.OrderBy(p => p.Key, StringComparer.Ordinal)) w.WriteString(k, v);
                w.WriteEndObject();
            }
            if (Md5 == null) w.WriteNull("md5"); else w.WriteBase64String("md5", Md5);
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
