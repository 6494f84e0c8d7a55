using System.Text.Json.Nodes;
using Amazon.S3;
using Amazon.S3.Model;

namespace Satchel.Tests.Files;

/// <summary>What a file-API test can see of a storage backend, looked at directly rather than through Satchel.</summary>
public abstract class StoredFiles
{
    /// <summary>The content of a stored file as text; null when there is none.</summary>
    public abstract Task<string?> ReadTextAsync(string key);

    /// <summary>The size of a stored file; null when there is none.</summary>
    public abstract Task<long?> SizeAsync(string key);

    /// <summary>The content type and custom metadata recorded with a file; null when there is none.</summary>
    public abstract Task<(string ContentType, IReadOnlyDictionary<string, string> Metadata)?> DescribeAsync(string key);

    /// <summary>The keys of the files under a prefix (not their local ".attrs" sidecars), ordered.</summary>
    public abstract Task<IReadOnlyList<string>> KeysAsync(string prefix);

    /// <summary>True while anything is left of a file: its content, or (local storage) its sidecar.</summary>
    public abstract Task<bool> RemainsAsync(string key);

    /// <summary>True while anything is left under a folder prefix (local storage: also the folder itself).</summary>
    public abstract Task<bool> FolderRemainsAsync(string prefix);

    /// <summary>Overwrites an existing file's content, keeping its content type.</summary>
    public abstract Task ReplaceAsync(string key, byte[] content);

    public async Task<bool> ExistsAsync(string key) => await SizeAsync(key) != null;
}

/// <summary>pb_data/storage, with PocketBase's ".attrs" sidecars.</summary>
public sealed class LocalStoredFiles(string root) : StoredFiles
{
    private string PathOf(string key) => Path.Combine(root, key.Replace('/', Path.DirectorySeparatorChar));

    public override async Task<string?> ReadTextAsync(string key) => File.Exists(PathOf(key)) ? await File.ReadAllTextAsync(PathOf(key)) : null;

    public override Task<long?> SizeAsync(string key)
        => Task.FromResult(File.Exists(PathOf(key)) ? new FileInfo(PathOf(key)).Length : (long?)null);

    public override async Task<(string ContentType, IReadOnlyDictionary<string, string> Metadata)?> DescribeAsync(string key)
    {
        if (!File.Exists(PathOf(key)) || !File.Exists(PathOf(key) + ".attrs")) return null;
        var attrs = JsonNode.Parse(await File.ReadAllTextAsync(PathOf(key) + ".attrs"))!;
        var metadata = attrs["user.metadata"] is JsonObject m
            ? m.ToDictionary(p => p.Key, p => (string)p.Value!)
            : new Dictionary<string, string>();
        return ((string)attrs["user.content_type"]!, metadata);
    }

    public override Task<IReadOnlyList<string>> KeysAsync(string prefix)
    {
        var slash = prefix.LastIndexOf('/');
        var dir = slash < 0 ? root : PathOf(prefix[..slash]);
        IReadOnlyList<string> keys = !Directory.Exists(dir) ? [] : Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".attrs", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult(keys);
    }

    public override Task<bool> RemainsAsync(string key) => Task.FromResult(File.Exists(PathOf(key)) || File.Exists(PathOf(key) + ".attrs"));

    public override Task<bool> FolderRemainsAsync(string prefix) => Task.FromResult(Directory.Exists(PathOf(prefix.TrimEnd('/'))));

    public override Task ReplaceAsync(string key, byte[] content) => File.WriteAllBytesAsync(PathOf(key), content);
}

/// <summary>An S3 bucket, through a plain S3 client: content type and metadata are the objects' own.</summary>
public sealed class S3StoredFiles(IAmazonS3 s3, string bucket) : StoredFiles
{
    private async Task<GetObjectMetadataResponse?> Head(string key)
    {
        try { return await s3.GetObjectMetadataAsync(bucket, key); }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound) { return null; }
    }

    public override async Task<string?> ReadTextAsync(string key)
    {
        try
        {
            using var res = await s3.GetObjectAsync(bucket, key);
            return await new StreamReader(res.ResponseStream).ReadToEndAsync();
        }
        catch (AmazonS3Exception e) when (e.StatusCode == System.Net.HttpStatusCode.NotFound) { return null; }
    }

    public override async Task<long?> SizeAsync(string key) => (await Head(key))?.ContentLength;

    public override async Task<(string ContentType, IReadOnlyDictionary<string, string> Metadata)?> DescribeAsync(string key)
    {
        var head = await Head(key);
        if (head == null) return null;
        var metadata = head.Metadata.Keys.ToDictionary(k => k["x-amz-meta-".Length..], k => Uri.UnescapeDataString(head.Metadata[k]));
        return (head.Headers.ContentType, metadata);
    }

    public override async Task<IReadOnlyList<string>> KeysAsync(string prefix)
    {
        var keys = new List<string>();
        string? token = null;
        do
        {
            var page = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, Prefix = prefix, ContinuationToken = token });
            keys.AddRange((page.S3Objects ?? []).Select(o => o.Key));
            token = page.IsTruncated == true ? page.NextContinuationToken : null;
        }
        while (token != null);
        return keys.Order(StringComparer.Ordinal).ToList();
    }

    public override async Task<bool> RemainsAsync(string key) => await Head(key) != null;

    public override async Task<bool> FolderRemainsAsync(string prefix) => (await KeysAsync(prefix.EndsWith('/') ? prefix : prefix + "/")).Count > 0;

    public override async Task ReplaceAsync(string key, byte[] content)
    {
        var head = await Head(key) ?? throw new FileNotFoundException(key);
        await s3.PutObjectAsync(new PutObjectRequest
        {
            BucketName = bucket,
            Key = key,
            InputStream = new MemoryStream(content),
            ContentType = head.Headers.ContentType,
            UseChunkEncoding = false, // s3rver doesn't decode aws-chunked bodies
        });
    }
}
