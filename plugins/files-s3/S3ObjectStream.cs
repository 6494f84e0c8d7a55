using Amazon.S3;
using Amazon.S3.Model;

namespace Satchel.Plugins.FilesS3;

/// <summary>
/// A seekable read-only view of one S3 object (or of the <paramref name="length"/> bytes of it
/// from <paramref name="start"/>) whose size is known. Nothing is fetched until the
/// first read; each read continues the current GetObject response, and a seek elsewhere drops it so
/// the next read asks S3 for a range starting there. So a range request downloads just the range,
/// and a HEAD or 304 answer downloads nothing. Every request is pinned to the object's ETag: if the
/// object is replaced meanwhile, reads fail instead of mixing two versions.
/// </summary>
internal sealed class S3ObjectStream(IAmazonS3 s3, string bucket, string key, long objectSize, string etag, long start, long length) : Stream
{
    private GetObjectResponse? _response;
    private Stream? _body;
    private long _position;

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => Seek(value, SeekOrigin.Begin);
    }

    public override long Seek(long offset, SeekOrigin origin)
    {
        var target = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => _position + offset,
            SeekOrigin.End => length + offset,
            _ => throw new ArgumentOutOfRangeException(nameof(origin)),
        };
        if (target < 0) throw new IOException("an attempt was made to move the position before the beginning of the stream");
        if (target != _position)
        {
            CloseBody();
            _position = target;
        }
        return _position;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.Length == 0 || _position >= length) return 0;
        var body = _body ?? OpenAsync(CancellationToken.None).GetAwaiter().GetResult();
        var n = body.Read(buffer);
        _position += n;
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
    {
        if (buffer.Length == 0 || _position >= length) return 0;
        var body = _body ?? await OpenAsync(ct);
        var n = await body.ReadAsync(buffer, ct);
        _position += n;
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken ct)
        => ReadAsync(buffer.AsMemory(offset, count), ct).AsTask();

    private async Task<Stream> OpenAsync(CancellationToken ct)
    {
        var request = new GetObjectRequest { BucketName = bucket, Key = key };
        if (etag != "") request.EtagToMatch = etag;
        // The whole object needs no range; anything else asks for exactly what is left of the view.
        if (_position > 0 || start > 0 || length < objectSize) request.ByteRange = new ByteRange(start + _position, start + length - 1);
        _response = await S3Errors.Wrap("read", key, () => s3.GetObjectAsync(request, ct));
        _body = _response.ResponseStream;
        return _body;
    }

    private void CloseBody()
    {
        _body = null;
        _response?.Dispose();
        _response = null;
    }

    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) CloseBody();
        base.Dispose(disposing);
    }
}
