using Satchel.Models;

namespace Satchel.Files;

/// <summary>
/// Storage keys as PocketBase lays them out: a record's files live under
/// "&lt;collectionId&gt;/&lt;recordId&gt;/", a file's thumbs under "…/thumbs_&lt;filename&gt;/&lt;size&gt;_&lt;filename&gt;".
/// Also the check every backend applies before touching a key.
/// </summary>
public static class FileKeys
{
    public const int MaxKeyLength = 1024;

    /// <summary>The folder of a collection's files ("&lt;collectionId&gt;").</summary>
    public static string CollectionDir(Collection collection) => collection.Id;

    /// <summary>The folder of a record's files ("&lt;collectionId&gt;/&lt;recordId&gt;"), by its stored id.</summary>
    public static string RecordDir(Collection collection, string recordId) => collection.Id + "/" + recordId;

    public static string RecordFile(Collection collection, string recordId, string filename) => RecordDir(collection, recordId) + "/" + filename;

    /// <summary>The folder holding the thumbs of one file.</summary>
    public static string ThumbsDir(Collection collection, string recordId, string filename) => RecordDir(collection, recordId) + "/thumbs_" + filename;

    public static string Thumb(Collection collection, string recordId, string filename, string size)
        => ThumbsDir(collection, recordId, filename) + "/" + size + "_" + filename;

    /// <summary>
    /// True for a key that names a file: relative, "/"-separated, no empty, "." or ".." segments,
    /// no backslashes or control characters, at most <see cref="MaxKeyLength"/> characters.
    /// </summary>
    public static bool IsValidKey(string? key) => IsValid(key, allowTrailingSlash: false);

    /// <summary>Like <see cref="IsValidKey"/>, but a prefix may end with "/" (a folder).</summary>
    public static bool IsValidPrefix(string? prefix) => IsValid(prefix, allowTrailingSlash: true);

    /// <summary>True when <paramref name="name"/> is one plain file name (no separators, not "." or "..").</summary>
    public static bool IsPlainFilename(string? name)
        => !string.IsNullOrEmpty(name) && name.IndexOfAny(['/', '\\']) < 0 && IsValidKey(name);

    private static bool IsValid(string? key, bool allowTrailingSlash)
    {
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength) return false;
        foreach (var c in key)
        {
            if (c < 32 || c == 127 || c == '\\') return false;
        }
        var path = allowTrailingSlash && key.EndsWith('/') ? key[..^1] : key;
        if (path.Length == 0) return false;
        foreach (var segment in path.Split('/'))
        {
            if (segment is "" or "." or "..") return false;
        }
        return true;
    }
}
