namespace Satchel.Files;

/// <summary>
/// A storage backend for uploaded files (local folder, S3 bucket, …). Files are addressed by
/// keys such as "&lt;collectionId&gt;/&lt;recordId&gt;/&lt;filename&gt;" (see <see cref="FileKeys"/>); a
/// backend rejects keys that <see cref="FileKeys.IsValidKey"/> refuses with an <see cref="ArgumentException"/>.
/// Missing files are reported with null/false results, never with exceptions.
/// </summary>
public interface IFileSystem
{
    Task<bool> ExistsAsync(string key, CancellationToken ct = default);

    /// <summary>Size, content type, modification time and metadata of a file; null when it doesn't exist.</summary>
    Task<StoredFileInfo?> GetAttributesAsync(string key, CancellationToken ct = default);

    /// <summary>
    /// Opens a file for reading, starting at <paramref name="offset"/> and limited to
    /// <paramref name="length"/> bytes (to the end when null); null when it doesn't exist.
    /// A whole-file stream is seekable when the backend can offer that (so range requests can be
    /// answered from it); dispose it when done.
    /// </summary>
    Task<Stream?> OpenReadAsync(string key, long offset = 0, long? length = null, CancellationToken ct = default);

    /// <summary>
    /// Stores <paramref name="content"/> (read to its end) under <paramref name="key"/>, replacing any
    /// file there. Readers see either the old or the complete new file, never a partial one.
    /// </summary>
    Task UploadAsync(string key, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken ct = default);

    /// <summary>Deletes one file; false when it didn't exist.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>
    /// Deletes every file whose key starts with <paramref name="prefix"/> (a "folder" when it ends
    /// with "/", otherwise a key prefix such as "abc/def/file_"); returns how many were deleted.
    /// An empty prefix is refused. Throws after trying all when some could not be deleted.
    /// </summary>
    Task<int> DeletePrefixAsync(string prefix, CancellationToken ct = default);

    /// <summary>Every file whose key starts with <paramref name="prefix"/> ("" for all), ordered by key.</summary>
    Task<IReadOnlyList<StoredFileInfo>> ListAsync(string prefix, CancellationToken ct = default);

    /// <summary>Copies a file with its content type and metadata, replacing the destination; false when the source doesn't exist.</summary>
    Task<bool> CopyAsync(string sourceKey, string destinationKey, CancellationToken ct = default);
}
