using Amazon.S3;
using Amazon.S3.Model;
using Satchel.Files;

namespace Satchel.Plugins.FilesS3;

/// <summary>
/// Files in an S3 bucket: a key is the object key. Content type and custom metadata (such as
/// "original-filename") are the object's own S3 metadata — there are no ".attrs" sidecars here.
/// Uploads and downloads stream: nothing holds a whole file in memory. S3 failures surface as
/// <see cref="IOException"/>s.
/// </summary>
public sealed class S3FileSystem(IAmazonS3 s3, string bucket) : IFileSystem
{
    private const string DefaultContentType = "application/octet-stream";

    /// <summary>S3's limit on the keys of one DeleteObjects request.</summary>
    internal const int DefaultDeleteBatchSize = 1000;

    /// <summary>S3's most keys on one ListObjectsV2 page.</summary>
    internal const int DefaultListPageSize = 1000;

    internal const int DefaultPartSize = S3Upload.DefaultPartSize;

    /// <summary>How many HEAD requests a listing runs at once to learn content types and metadata.</summary>
    private const int ListDescribeConcurrency = 8;

    public string Bucket => bucket;

    // Tests lower these to exercise multipart uploads, paging and batching with a few small files.
    internal int PartSize { get; init; } = DefaultPartSize;
    internal int ListPageSize { get; init; } = DefaultListPageSize;
    internal int DeleteBatchSize { get; init; } = DefaultDeleteBatchSize;

    public async Task<bool> ExistsAsync(string key, CancellationToken ct = default) => await GetAttributesAsync(key, ct) != null;

    public async Task<StoredFileInfo?> GetAttributesAsync(string key, CancellationToken ct = default)
    {
        Check(key);
        var head = await HeadAsync(key, ct);
        return head == null ? null : Describe(key, head);
    }

    public async Task<Stream?> OpenReadAsync(string key, long offset = 0, long? length = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        if (length is < 0) throw new ArgumentOutOfRangeException(nameof(length));
        Check(key);
        var head = await HeadAsync(key, ct);
        if (head == null) return null;

        var size = head.ContentLength;
        var start = Math.Min(offset, size);
        var count = Math.Min(length ?? long.MaxValue, size - start);
        return new S3ObjectStream(s3, bucket, key, size, head.ETag ?? "", start, count);
    }

    public Task UploadAsync(string key, Stream content, string contentType, IReadOnlyDictionary<string, string>? metadata = null, CancellationToken ct = default)
    {
        Check(key);
        ArgumentNullException.ThrowIfNull(content);
        return S3Errors.Wrap("upload", key, () => S3Upload.RunAsync(s3, bucket, key, content,
            string.IsNullOrEmpty(contentType) ? DefaultContentType : contentType, metadata, PartSize, ct));
    }

    public async Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        Check(key);
        // S3 deletes missing keys without complaint; the contract wants to know.
        if (await HeadAsync(key, ct) == null) return false;
        await S3Errors.Wrap("delete", key, () => s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = bucket, Key = key }, ct));
        return true;
    }

    public async Task<int> DeletePrefixAsync(string prefix, CancellationToken ct = default)
    {
        if (!FileKeys.IsValidPrefix(prefix)) throw new ArgumentException($"invalid storage prefix \"{prefix}\"", nameof(prefix));

        var deleted = 0;
        var failures = new List<Exception>();
        var batch = new List<string>();

        async Task Flush()
        {
            if (batch.Count == 0) return;
            var keys = batch.ToList();
            batch.Clear();
            try
            {
                var result = await S3Errors.Wrap("delete", prefix, () => s3.DeleteObjectsAsync(new DeleteObjectsRequest
                {
                    BucketName = bucket,
                    Objects = keys.Select(k => new KeyVersion { Key = k }).ToList(),
                    Quiet = true,
                }, ct));
                var errors = result.DeleteErrors ?? [];
                deleted += keys.Count - errors.Count;
                failures.AddRange(errors.Select(e => new IOException($"S3 delete of \"{e.Key}\" failed: {e.Code}: {e.Message}")));
            }
            catch (IOException e)
            {
                failures.Add(e);
            }
        }

        // Keys are deleted as the listing pages arrive; S3 lists continue correctly past deleted keys.
        await foreach (var obj in ListObjectsAsync(prefix, ct))
        {
            batch.Add(obj.Key);
            if (batch.Count == DeleteBatchSize) await Flush();
        }
        await Flush();

        if (failures.Count > 0) throw new AggregateException($"failed to delete {failures.Count} file(s) under \"{prefix}\"", failures);
        return deleted;
    }

    public async Task<IReadOnlyList<StoredFileInfo>> ListAsync(string prefix, CancellationToken ct = default)
    {
        if (prefix != "" && !FileKeys.IsValidPrefix(prefix)) throw new ArgumentException($"invalid storage prefix \"{prefix}\"", nameof(prefix));

        var keys = new List<string>();
        await foreach (var obj in ListObjectsAsync(prefix, ct))
        {
            // Folder placeholder objects ("a/b/") that other tools create are not files.
            if (!obj.Key.EndsWith('/')) keys.Add(obj.Key);
        }

        // A listing carries no content types or metadata: each file's own HEAD does.
        var found = new StoredFileInfo?[keys.Count];
        await Parallel.ForAsync(0, keys.Count, new ParallelOptions { MaxDegreeOfParallelism = ListDescribeConcurrency, CancellationToken = ct },
            async (i, token) => found[i] = await GetAttributesAsync(keys[i], token));

        var result = found.OfType<StoredFileInfo>().ToList(); // a file deleted meanwhile is left out
        result.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
        return result;
    }

    public async Task<bool> CopyAsync(string sourceKey, string destinationKey, CancellationToken ct = default)
    {
        Check(sourceKey);
        Check(destinationKey);
        try
        {
            // A server-side copy: the content never passes through here, and S3 copies the content type and metadata along.
            await s3.CopyObjectAsync(new CopyObjectRequest
            {
                SourceBucket = bucket,
                SourceKey = sourceKey,
                DestinationBucket = bucket,
                DestinationKey = destinationKey,
                MetadataDirective = S3MetadataDirective.COPY,
            }, ct);
            return true;
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
        {
            return false;
        }
        catch (Exception e) when (e is AmazonS3Exception or HttpRequestException or Amazon.Runtime.AmazonClientException)
        {
            throw new IOException($"S3 copy of \"{sourceKey}\" to \"{destinationKey}\" failed: {S3Errors.Describe(e)}", e);
        }
    }

    /// <summary>Every object under the prefix, page by page (ListObjectsV2 answers at most 1000 keys at a time).</summary>
    private async IAsyncEnumerable<S3Object> ListObjectsAsync(string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? token = null;
        do
        {
            var request = new ListObjectsV2Request { BucketName = bucket, Prefix = prefix == "" ? null : prefix, ContinuationToken = token, MaxKeys = ListPageSize };
            var page = await S3Errors.Wrap("list", prefix, () => s3.ListObjectsV2Async(request, ct));
            foreach (var obj in page.S3Objects ?? []) yield return obj;
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token != null);
    }

    private async Task<GetObjectMetadataResponse?> HeadAsync(string key, CancellationToken ct)
    {
        try
        {
            return await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = bucket, Key = key }, ct);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
        {
            return null;
        }
        catch (Exception e) when (e is AmazonS3Exception or HttpRequestException or Amazon.Runtime.AmazonClientException)
        {
            throw new IOException($"S3 attributes of \"{key}\" failed: {S3Errors.Describe(e)}", e);
        }
    }

    private static StoredFileInfo Describe(string key, GetObjectMetadataResponse head)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in head.Metadata.Keys) metadata[S3Metadata.UnescapeKey(name)] = S3Metadata.UnescapeValue(head.Metadata[name]);
        var contentType = string.IsNullOrEmpty(head.Headers.ContentType) ? DefaultContentType : head.Headers.ContentType;
        var modified = head.LastModified is { } m ? new DateTimeOffset(m.ToUniversalTime(), TimeSpan.Zero) : DateTimeOffset.UnixEpoch;
        var etag = head.ETag ?? "";
        if (!etag.StartsWith('"')) etag = '"' + etag + '"'; // some S3-compatible servers leave it unquoted
        return new StoredFileInfo(key, head.ContentLength, contentType, modified, etag, metadata);
    }

    private static void Check(string key)
    {
        if (!FileKeys.IsValidKey(key)) throw new ArgumentException($"invalid storage key \"{key}\"", nameof(key));
    }
}
