using System.Security.Cryptography;
using System.Text;
using Amazon.S3.Model;
using Satchel.Plugins.FilesS3;

namespace Satchel.Tests.Files.S3;

/// <summary>The S3 backend as a class, against s3rver.</summary>
public sealed class S3FileSystemTests(S3Bucket bucket) : IClassFixture<S3Bucket>
{
    private readonly S3FileSystem _fs = bucket.FileSystem();
    private readonly string _p = S3Bucket.UniquePrefix();

    private Task Upload(string key, string text, string type = "text/plain; charset=utf-8", Dictionary<string, string>? meta = null, S3FileSystem? fs = null)
        => (fs ?? _fs).UploadAsync(key, new MemoryStream(Encoding.UTF8.GetBytes(text)), type, meta);

    private async Task<string> ReadRaw(string key)
    {
        using var res = await bucket.Raw.GetObjectAsync(bucket.Server.Bucket, key);
        return await new StreamReader(res.ResponseStream).ReadToEndAsync();
    }

    [Fact]
    public async Task Uploads_store_the_content_type_and_metadata_on_the_object_without_attrs()
    {
        await Upload(_p + "a.txt", "hello", meta: new() { ["original-filename"] = "A.txt" });

        var head = await bucket.Raw.GetObjectMetadataAsync(bucket.Server.Bucket, _p + "a.txt");
        Assert.Equal("text/plain; charset=utf-8", head.Headers.ContentType);
        Assert.Equal("A.txt", head.Metadata["x-amz-meta-original-filename"]);
        Assert.Equal("hello", await ReadRaw(_p + "a.txt"));
        var keys = (await bucket.Raw.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket.Server.Bucket, Prefix = _p })).S3Objects.Select(o => o.Key);
        Assert.Equal([_p + "a.txt"], keys);
    }

    [Fact]
    public async Task Metadata_is_escaped_like_PocketBase_and_read_back_unescaped()
    {
        const string name = "Résumé (final) 100%.pdf";
        await Upload(_p + "r.pdf", "x", meta: new() { ["original-filename"] = name });

        var head = await bucket.Raw.GetObjectMetadataAsync(bucket.Server.Bucket, _p + "r.pdf");
        Assert.Equal("R%C3%A9sum%C3%A9%20%28final%29%20100%25.pdf", head.Metadata["x-amz-meta-original-filename"]);
        Assert.Equal(name, (await _fs.GetAttributesAsync(_p + "r.pdf"))!.Metadata["original-filename"]);
    }

    [Fact]
    public async Task Attributes_give_size_type_time_etag_and_metadata()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-1);
        await Upload(_p + "f.json", "{\"a\":1}", "application/json", new() { ["original-filename"] = "f.json" });

        var info = await _fs.GetAttributesAsync(_p + "f.json");
        Assert.NotNull(info);
        Assert.Equal(_p + "f.json", info.Key);
        Assert.Equal(7, info.Size);
        Assert.Equal("application/json", info.ContentType);
        Assert.InRange(info.ModifiedAt, before, DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Matches("^\"[^\"]+\"$", info.ETag);
        Assert.Equal("f.json", info.Metadata["original-filename"]);
        Assert.True(await _fs.ExistsAsync(_p + "f.json"));
    }

    [Fact]
    public async Task Reads_whole_objects_seekable_and_ranges()
    {
        await Upload(_p + "digits.txt", "0123456789");

        await using (var whole = await _fs.OpenReadAsync(_p + "digits.txt"))
        {
            Assert.NotNull(whole);
            Assert.True(whole.CanSeek);
            Assert.Equal(10, whole.Length);
            Assert.Equal("0123456789", await new StreamReader(whole).ReadToEndAsync());

            // a seek (what a Range request does) reads from there on
            whole.Seek(6, SeekOrigin.Begin);
            var tail = new byte[4];
            await whole.ReadExactlyAsync(tail);
            Assert.Equal("6789", Encoding.ASCII.GetString(tail));
        }

        await using var range = await _fs.OpenReadAsync(_p + "digits.txt", offset: 3, length: 4);
        Assert.Equal("3456", await new StreamReader(range!).ReadToEndAsync());
        await using var rest = await _fs.OpenReadAsync(_p + "digits.txt", offset: 8);
        Assert.Equal("89", await new StreamReader(rest!).ReadToEndAsync());
        await using var past = await _fs.OpenReadAsync(_p + "digits.txt", offset: 20);
        Assert.Equal("", await new StreamReader(past!).ReadToEndAsync());
    }

    [Fact]
    public async Task Empty_files_upload_and_read()
    {
        await Upload(_p + "empty.txt", "");
        var info = await _fs.GetAttributesAsync(_p + "empty.txt");
        Assert.Equal(0, info!.Size);
        await using var s = await _fs.OpenReadAsync(_p + "empty.txt");
        Assert.Equal("", await new StreamReader(s!).ReadToEndAsync());
    }

    [Fact]
    public async Task Large_uploads_from_a_non_seekable_stream_go_up_in_parts()
    {
        var fs = bucket.FileSystem(partSize: 5 << 20);
        var content = RandomNumberGenerator.GetBytes((11 << 20) + 123); // three parts, the last a short one
        await fs.UploadAsync(_p + "big.bin", new NonSeekableStream(new MemoryStream(content)), "application/octet-stream",
            new Dictionary<string, string> { ["original-filename"] = "big.bin" });

        // s3rver logs one line per request: three part uploads
        Assert.Equal(3, bucket.Server.Log.Split('\n').Count(l => l.Contains(_p + "big.bin?partNumber=")));
        Assert.Equal("big.bin", (await fs.GetAttributesAsync(_p + "big.bin"))!.Metadata["original-filename"]);

        await using var read = await fs.OpenReadAsync(_p + "big.bin");
        using var copy = new MemoryStream();
        await read!.CopyToAsync(copy);
        Assert.Equal(SHA256.HashData(content), SHA256.HashData(copy.ToArray()));
    }

    [Fact]
    public async Task A_failed_multipart_upload_is_aborted_and_leaves_no_object()
    {
        var fs = bucket.FileSystem(partSize: 5 << 20);
        var failing = new FailingAfterStream(new MemoryStream(new byte[12 << 20]), failAfter: 7 << 20);
        await Assert.ThrowsAsync<InvalidDataException>(() => fs.UploadAsync(_p + "broken.bin", failing, "application/octet-stream"));

        Assert.False(await fs.ExistsAsync(_p + "broken.bin"));
        var requests = bucket.Server.Log.Split('\n');
        Assert.Contains(requests, l => l.Contains(_p + "broken.bin?partNumber=1&uploadId="));
        // never completed, so the only other request on the upload is its abort (which s3rver doesn't implement, but S3 does)
        Assert.Contains(requests, l => l.Contains(_p + "broken.bin?uploadId="));
    }

    [Fact]
    public async Task Replacing_an_object_keeps_one_complete_version()
    {
        await Upload(_p + "f.txt", "old");
        await Upload(_p + "f.txt", "new content", "application/json");
        Assert.Equal("new content", await ReadRaw(_p + "f.txt"));
        Assert.Equal("application/json", (await _fs.GetAttributesAsync(_p + "f.txt"))!.ContentType);
    }

    [Fact]
    public async Task Missing_objects_are_null_or_false()
    {
        Assert.Null(await _fs.GetAttributesAsync(_p + "none.txt"));
        Assert.Null(await _fs.OpenReadAsync(_p + "none.txt"));
        Assert.False(await _fs.ExistsAsync(_p + "none.txt"));
        Assert.False(await _fs.DeleteAsync(_p + "none.txt"));
        Assert.False(await _fs.CopyAsync(_p + "none.txt", _p + "copy.txt"));
    }

    [Fact]
    public async Task Deletes_one_object()
    {
        await Upload(_p + "f.txt", "x");
        Assert.True(await _fs.DeleteAsync(_p + "f.txt"));
        Assert.False(await _fs.ExistsAsync(_p + "f.txt"));
    }

    [Fact]
    public async Task Deleting_a_prefix_pages_through_the_listing_and_deletes_in_batches()
    {
        // Pages of 2 keys and batches of 3 keys: 7 files take several of each.
        var fs = bucket.FileSystem(listPageSize: 2, deleteBatchSize: 3);
        for (var i = 0; i < 6; i++) await Upload($"{_p}r1/f{i}.txt", "x", fs: fs);
        await Upload($"{_p}r1/thumbs_f0.txt/100x100_f0.txt", "t", fs: fs);
        await Upload($"{_p}r2/keep.txt", "k", fs: fs);
        await Upload($"{_p}r1.txt", "not under the folder", fs: fs);

        Assert.Equal(7, await fs.DeletePrefixAsync(_p + "r1/"));
        Assert.Empty(await fs.ListAsync(_p + "r1/"));
        Assert.True(await fs.ExistsAsync($"{_p}r2/keep.txt"));
        Assert.True(await fs.ExistsAsync($"{_p}r1.txt"));
        await Assert.ThrowsAsync<ArgumentException>(() => fs.DeletePrefixAsync(""));
    }

    [Fact]
    public async Task A_file_name_prefix_deletes_only_the_matching_files()
    {
        await Upload($"{_p}thumbs_a.png/100x100_a.png", "1");
        await Upload($"{_p}thumbs_a.png/50x50_a.png", "2");
        await Upload($"{_p}thumbs_ab.png/100x100_ab.png", "3");

        Assert.Equal(1, await _fs.DeletePrefixAsync($"{_p}thumbs_a.png/100"));
        Assert.Equal([$"{_p}thumbs_a.png/50x50_a.png", $"{_p}thumbs_ab.png/100x100_ab.png"], (await _fs.ListAsync(_p)).Select(f => f.Key).ToArray());
    }

    [Fact]
    public async Task Lists_by_prefix_in_key_order_across_pages_with_types()
    {
        var fs = bucket.FileSystem(listPageSize: 2);
        await Upload($"{_p}r/c.txt", "c", fs: fs);
        await Upload($"{_p}r/b.txt", "b", "text/csv", fs: fs);
        await Upload($"{_p}r/a.txt", "a", fs: fs);
        await Upload($"{_p}other/z.txt", "z", fs: fs);

        var listed = await fs.ListAsync($"{_p}r/");
        Assert.Equal([$"{_p}r/a.txt", $"{_p}r/b.txt", $"{_p}r/c.txt"], listed.Select(f => f.Key).ToArray());
        Assert.Equal("text/csv", listed[1].ContentType);
        Assert.Equal([$"{_p}r/a.txt"], (await fs.ListAsync($"{_p}r/a")).Select(f => f.Key).ToArray());
        Assert.Equal(4, (await fs.ListAsync(_p)).Count);
    }

    [Fact]
    public async Task Copies_on_the_server_with_content_type_and_metadata()
    {
        await Upload(_p + "a.txt", "a", "text/csv", new() { ["original-filename"] = "a.csv" });
        Assert.True(await _fs.CopyAsync(_p + "a.txt", _p + "d/a.txt"));

        var copy = await _fs.GetAttributesAsync(_p + "d/a.txt");
        Assert.Equal("text/csv", copy!.ContentType);
        Assert.Equal("a.csv", copy.Metadata["original-filename"]);
        Assert.Equal("a", await ReadRaw(_p + "d/a.txt"));
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("c/../../outside.txt")]
    [InlineData("/abs.txt")]
    [InlineData("c//double.txt")]
    public async Task Refuses_invalid_keys(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Upload(key, "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => _fs.OpenReadAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => _fs.DeleteAsync(key));
    }

    [Fact]
    public async Task A_missing_bucket_is_an_IOException_with_the_S3_error()
    {
        using var client = bucket.Server.Client();
        var fs = new S3FileSystem(client, "no-such-bucket");
        var e = await Assert.ThrowsAsync<IOException>(() => Upload("a/b.txt", "x", fs: fs));
        Assert.Contains("NoSuchBucket", e.Message);
    }

    private sealed class NonSeekableStream(Stream inner) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A client connection that breaks after some bytes.</summary>
    private sealed class FailingAfterStream(Stream inner, long failAfter) : Stream
    {
        private long _read;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_read >= failAfter) throw new InvalidDataException("the client went away");
            var n = inner.Read(buffer, offset, (int)Math.Min(count, failAfter - _read));
            _read += n;
            return n;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
