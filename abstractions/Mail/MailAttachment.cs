namespace Satchel.Mail;

/// <summary>
/// A file attached to a <see cref="MailMessage"/>: a name, its content (bytes, or a stream read
/// once when the message is sent) and a content type (guessed from the name when not given).
/// </summary>
public sealed class MailAttachment
{
    private readonly byte[]? _bytes;
    private readonly Stream? _stream;

    public MailAttachment(string name, byte[] content, string? contentType = null)
    {
        Name = CheckName(name);
        _bytes = content ?? throw new ArgumentNullException(nameof(content));
        ContentType = contentType;
    }

    public MailAttachment(string name, Stream content, string? contentType = null)
    {
        Name = CheckName(name);
        _stream = content ?? throw new ArgumentNullException(nameof(content));
        ContentType = contentType;
    }

    /// <summary>The file name (and, for inline attachments, the content id).</summary>
    public string Name { get; }

    /// <summary>A MIME type such as "image/png"; null lets the mailer pick one from the file name.</summary>
    public string? ContentType { get; }

    /// <summary>The content; a stream given to the constructor is handed out as is (so read it once).</summary>
    public Stream OpenRead() => _bytes != null ? new MemoryStream(_bytes, writable: false) : _stream!;

    private static string CheckName(string name)
        => string.IsNullOrWhiteSpace(name) ? throw new ArgumentException("an attachment needs a name", nameof(name)) : name;
}
