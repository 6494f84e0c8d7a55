using System.Buffers;
using Amazon.S3;
using Amazon.S3.Model;

namespace Satchel.Plugins.FilesS3;

/// <summary>
/// Uploads a stream of unknown length without holding it in memory: it is read one part at a
/// time into a single buffer. Content that fits into the first part goes up with one PutObject;
/// anything larger becomes a multipart upload whose parts are sent as they are read, and which is
/// aborted when something fails, so no partial object ever becomes visible.
/// </summary>
internal static class S3Upload
{
    /// <summary>The part size (S3 wants at least 5 MiB for every part but the last).</summary>
    public const int DefaultPartSize = 8 << 20;

    /// <summary>S3's limit on the parts of one upload.</summary>
    private const int MaxParts = 10_000;

    public static async Task RunAsync(IAmazonS3 s3, string bucket, string key, Stream content, string contentType,
        IReadOnlyDictionary<string, string>? metadata, int partSize = DefaultPartSize, CancellationToken ct = default)
    {
        partSize = PartSizeFor(content, partSize);
        var buffer = ArrayPool<byte>.Shared.Rent(partSize);
        try
        {
            var filled = await FillAsync(content, buffer, partSize, ct);
            if (filled < partSize)
            {
                var put = new PutObjectRequest
                {
                    BucketName = bucket,
                    Key = key,
                    ContentType = contentType,
                    InputStream = new MemoryStream(buffer, 0, filled, writable: false),
                    AutoCloseStream = true,
                    UseChunkEncoding = false,
                };
                AddMetadata(put.Metadata, metadata);
                await s3.PutObjectAsync(put, ct);
                return;
            }
            await MultipartAsync(s3, bucket, key, content, contentType, metadata, buffer, partSize, filled, ct);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static async Task MultipartAsync(IAmazonS3 s3, string bucket, string key, Stream content, string contentType,
        IReadOnlyDictionary<string, string>? metadata, byte[] buffer, int partSize, int filled, CancellationToken ct)
    {
        var initiate = new InitiateMultipartUploadRequest { BucketName = bucket, Key = key, ContentType = contentType };
        AddMetadata(initiate.Metadata, metadata);
        var uploadId = (await s3.InitiateMultipartUploadAsync(initiate, ct)).UploadId;
        try
        {
            var parts = new List<PartETag>();
            while (filled > 0)
            {
                if (parts.Count == MaxParts) throw new IOException($"the file is too large for an S3 upload in {partSize}-byte parts");
                var number = parts.Count + 1;
                var uploaded = await s3.UploadPartAsync(new UploadPartRequest
                {
                    BucketName = bucket,
                    Key = key,
                    UploadId = uploadId,
                    PartNumber = number,
                    PartSize = filled,
                    InputStream = new MemoryStream(buffer, 0, filled, writable: false),
                    UseChunkEncoding = false,
                }, ct);
                parts.Add(new PartETag(number, uploaded.ETag));
                filled = await FillAsync(content, buffer, partSize, ct);
            }
            await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = bucket,
                Key = key,
                UploadId = uploadId,
                PartETags = parts,
            }, ct);
        }
        catch
        {
            // Best effort: an unfinished upload only costs storage until the bucket's lifecycle rules clear it.
            try { await s3.AbortMultipartUploadAsync(new AbortMultipartUploadRequest { BucketName = bucket, Key = key, UploadId = uploadId }, CancellationToken.None); }
            catch (Exception e) when (e is AmazonS3Exception or HttpRequestException or Amazon.Runtime.AmazonClientException) { }
            throw;
        }
    }

    /// <summary>The default part size, raised for a seekable stream too long to fit into S3's part limit.</summary>
    private static int PartSizeFor(Stream content, int partSize)
    {
        if (!content.CanSeek) return partSize;
        var remaining = content.Length - content.Position;
        var needed = (remaining + MaxParts - 1) / MaxParts;
        return needed > partSize ? (int)Math.Min(needed, int.MaxValue / 2) : partSize;
    }

    /// <summary>Reads until <paramref name="count"/> bytes are in the buffer or the stream ends.</summary>
    private static async Task<int> FillAsync(Stream content, byte[] buffer, int count, CancellationToken ct)
    {
        var filled = 0;
        while (filled < count)
        {
            var read = await content.ReadAsync(buffer.AsMemory(filled, count - filled), ct);
            if (read == 0) break;
            filled += read;
        }
        return filled;
    }

    private static void AddMetadata(MetadataCollection target, IReadOnlyDictionary<string, string>? metadata)
    {
        if (metadata == null) return;
        foreach (var (k, v) in metadata) target.Add(S3Metadata.EscapeKey(k), S3Metadata.EscapeValue(v));
    }
}
