using Microsoft.AspNetCore.Http;
using Satchel.Files;
using Satchel.Models.Fields;

namespace Satchel.Records;

/// <summary>One uploaded file part waiting to be stored: its generated name and what its content is.</summary>
/// <param name="Field">The file field it was submitted for.</param>
/// <param name="File">The request's file part.</param>
/// <param name="Name">The stored name (see <see cref="FileNames.Normalize"/>).</param>
/// <param name="Type">The type detected from the content.</param>
public sealed record PendingUpload(FileField Field, IFormFile File, string Name, DetectedType Type)
{
    public string OriginalName => File.FileName;
    public long Size => File.Length;

    public static PendingUpload From(FileField field, IFormFile file)
    {
        var head = new byte[ContentSniffer.ReadLimit];
        var read = 0;
        using (var stream = file.OpenReadStream())
        {
            int n;
            while (read < head.Length && (n = stream.Read(head, read, head.Length - read)) > 0) read += n;
        }
        var content = head.AsSpan(0, read);
        return new PendingUpload(field, file, FileNames.Normalize(file.FileName, content), ContentSniffer.Detect(content));
    }
}
