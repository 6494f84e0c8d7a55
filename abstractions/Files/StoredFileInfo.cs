namespace Satchel.Files;

/// <summary>What a storage backend knows about one stored file.</summary>
/// <param name="Key">The file's key.</param>
/// <param name="Size">Length in bytes.</param>
/// <param name="ContentType">The content type recorded at upload ("application/octet-stream" when unknown).</param>
/// <param name="ModifiedAt">Last modification time.</param>
/// <param name="ETag">A quoted entity tag that changes whenever the content changes.</param>
/// <param name="Metadata">Custom metadata recorded at upload (e.g. "original-filename").</param>
public sealed record StoredFileInfo(
    string Key,
    long Size,
    string ContentType,
    DateTimeOffset ModifiedAt,
    string ETag,
    IReadOnlyDictionary<string, string> Metadata)
{
    /// <summary>The metadata key under which uploads keep the client's original file name.</summary>
    public const string OriginalFilenameKey = "original-filename";
}
