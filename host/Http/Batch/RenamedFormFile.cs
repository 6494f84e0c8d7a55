using Microsoft.AspNetCore.Http;

namespace Satchel.Http.Batch;

/// <summary>A batch file part ("requests.0.avatar") handed to its sub-request under its own field name ("avatar").</summary>
internal sealed class RenamedFormFile(IFormFile inner, string name) : IFormFile
{
    public IFormFile Inner => inner;
    public string ContentType => inner.ContentType;
    public string ContentDisposition => inner.ContentDisposition;
    public IHeaderDictionary Headers => inner.Headers;
    public long Length => inner.Length;
    public string Name => name;
    public string FileName => inner.FileName;
    public Stream OpenReadStream() => inner.OpenReadStream();
    public void CopyTo(Stream target) => inner.CopyTo(target);
    public Task CopyToAsync(Stream target, CancellationToken cancellationToken = default) => inner.CopyToAsync(target, cancellationToken);
}
