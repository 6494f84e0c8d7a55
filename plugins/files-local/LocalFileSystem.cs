using System.Security.Cryptography;
using Satchel.Files;

namespace Satchel.Plugins.FilesLocal;

/// <summary>
/// Files in a folder (pb_data/storage): a key is a relative path under it. Writes go to a temporary
/// file beside the target and are renamed into place, so readers never see a partial file; every
/// file gets PocketBase's ".attrs" sidecar. Keys that could leave the folder are refused.
/// </summary>
public sealed class LocalFileSystem : IFileSystem
{
    private const string TempExtension = ".tmp";

    public LocalFileSystem(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    /// <summary>The storage folder.</summary>
    public string Root { get; }

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => Task.FromResult(File.Exists(PathOf(key)));

    public Task<StoredFileInfo?> GetAttributesAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        var info = new FileInfo(path);
        return Task.FromResult(info.Exists ? Describe(key, info) : null);
    }

    public Task<Stream?> OpenReadAsync(string key, long offset = 0, long? length = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is < 0) throw new ArgumentOutOfRangeException(nameof(length));
        var path = PathOf(key);
        if (!File.Exists(path)) return Task.FromResult<Stream?>(null);
        FileStream stream;
        try
        {
            stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.Open,
                Access = FileAccess.Read,
                // A file may be replaced or deleted while someone downloads it.
                Share = FileShare.ReadWrite | FileShare.Delete,
                Options = FileOptions.Asynchronous,
            });
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null); // deleted in the meantime
        }

        if (offset == 0 && length == null) return Task.FromResult<Stream?>(stream);
        stream.Seek(offset, SeekOrigin.Begin);
        return Task.FromResult<Stream?>(new BoundedReadStream(stream, length ?? Math.Max(0, stream.Length - offset)));
    }

    public async Task UploadAsync(string key, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken ct = default)
    {
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = TempPathFor(path);
        try
        {
            byte[] md5;
            await using (var target = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.MD5))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await target.WriteAsync(buffer.AsMemory(0, read), ct);
                }
                await target.FlushAsync(ct);
                md5 = hash.GetHashAndReset();
            }

            var attrs = new AttrsSidecar(contentType, metadata ?? new Dictionary<string, string>(), md5);
            await WriteAtomicallyAsync(AttrsSidecar.PathOf(path), attrs.ToJson(), ct);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            // Gone after a successful rename; left behind only by a failure.
            TryDelete(temp);
        }
    }

    public Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        var path = PathOf(key);
        if (!File.Exists(path)) return Task.FromResult(false);
        File.Delete(path);
        File.Delete(AttrsSidecar.PathOf(path));
        return Task.FromResult(true);
    }

    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken ct = default)
    {
        if (!FileKeys.IsValidPrefix(prefix)) throw new ArgumentException($"invalid storage prefix \"{prefix}\"", nameof(prefix));

        var deleted = 0;
        var failures = new List<Exception>();
        foreach (var file in await ListAsync(prefix, ct))
        {
            try
            {
                if (await DeleteAsync(file.Key, ct)) deleted++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                failures.Add(e);
            }
        }

        // A "folder" prefix also takes its now empty folders with it, the deepest first.
        if (prefix.EndsWith('/') && Directory.Exists(PathOf(prefix.TrimEnd('/'), forPrefix: true)))
        {
            var dir = PathOf(prefix.TrimEnd('/'), forPrefix: true);
            foreach (var sub in Directory.EnumerateDirectories(dir, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).Append(dir))
            {
                try { if (!Directory.EnumerateFileSystemEntries(sub).Any()) Directory.Delete(sub); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
        }

        if (failures.Count > 0) throw new AggregateException($"failed to delete {failures.Count} file(s) under \"{prefix}\"", failures);
        return deleted;
    }

    public Task<IReadOnlyList<StoredFileInfo>> ListAsync(string prefix, CancellationToken ct = default)
    {
        if (prefix != "" && !FileKeys.IsValidPrefix(prefix)) throw new ArgumentException($"invalid storage prefix \"{prefix}\"", nameof(prefix));

        // Only the folder the prefix points into can hold matches.
        var slash = prefix.LastIndexOf('/');
        var start = slash < 0 ? Root : PathOf(prefix[..slash], forPrefix: true);
        var result = new List<StoredFileInfo>();
        if (Directory.Exists(start))
        {
            foreach (var path in Directory.EnumerateFiles(start, "*", SearchOption.AllDirectories))
            {
                if (path.EndsWith(AttrsSidecar.Extension, StringComparison.Ordinal)) continue;
                var key = Path.GetRelativePath(Root, path).Replace(Path.DirectorySeparatorChar, '/');
                if (!key.StartsWith(prefix, StringComparison.Ordinal)) continue;
                var info = new FileInfo(path);
                if (info.Exists) result.Add(Describe(key, info));
            }
        }
        result.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return Task.FromResult<IReadOnlyList<StoredFileInfo>>(result);
    }

    public async Task<bool> CopyAsync(string sourceKey, string destinationKey, CancellationToken ct = default)
    {
        var source = await GetAttributesAsync(sourceKey, ct);
        if (source == null) return false;
        await using var content = await OpenReadAsync(sourceKey, ct: ct);
        if (content == null) return false;
        await UploadAsync(destinationKey, content, source.ContentType, source.Metadata, ct);
        return true;
    }

    /// <summary>The full path of a key, refusing anything that isn't a plain relative key inside the root.</summary>
    private string PathOf(string key, bool forPrefix = false)
    {
        if (!FileKeys.IsValidKey(key)) throw new ArgumentException($"invalid storage key \"{key}\"", nameof(key));
        // ".attrs" names are the sidecars' own; no stored file may take one.
        if (!forPrefix && key.EndsWith(AttrsSidecar.Extension, StringComparison.Ordinal))
            throw new ArgumentException($"the \"{AttrsSidecar.Extension}\" extension is reserved", nameof(key));
        var full = Path.GetFullPath(Path.Combine(Root, key));
        if (!full.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"invalid storage key \"{key}\"", nameof(key));
        return full;
    }

    private static StoredFileInfo Describe(string key, FileInfo info)
    {
        var attrs = AttrsSidecar.Read(info.FullName);
        var modified = new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
        // PocketBase's local entity tag: hex nanoseconds since the epoch and hex size.
        var nanos = (info.LastWriteTimeUtc.Ticks - DateTime.UnixEpoch.Ticks) * 100;
        var etag = $"\"{nanos:x}-{info.Length:x}\"";
        var contentType = attrs.ContentType == "" ? AttrsSidecar.DefaultContentType : attrs.ContentType;
        return new StoredFileInfo(key, info.Length, contentType, modified, etag, attrs.Metadata);
    }

    private static string TempPathFor(string path)
        => path + "." + ((DateTime.UtcNow.Ticks - DateTime.UnixEpoch.Ticks) * 100).ToString("x") + RandomNumberGenerator.GetHexString(4, lowercase: true) + TempExtension;

    private static async Task WriteAtomicallyAsync(string path, byte[] content, CancellationToken ct)
    {
        var temp = TempPathFor(path);
        try
        {
            await File.WriteAllBytesAsync(temp, content, ct);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            TryDelete(temp);
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
