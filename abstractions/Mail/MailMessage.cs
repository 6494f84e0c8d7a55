using System.Net.Mail;

namespace Satchel.Mail;

/// <summary>An email about to be sent; mailer hooks may change any part of it.</summary>
public sealed class MailMessage
{
    public MailAddress? From { get; set; }
    public List<MailAddress> To { get; set; } = new();
    public List<MailAddress> Cc { get; set; } = new();
    public List<MailAddress> Bcc { get; set; } = new();
    public string Subject { get; set; } = "";
    public string Html { get; set; } = "";

    /// <summary>Plain-text body; when empty the mailer derives one from <see cref="Html"/> (see <see cref="PlainText"/>).</summary>
    public string Text { get; set; } = "";

    /// <summary>Extra headers (e.g. "Reply-To", "Message-ID"); a mailer adds a Message-ID when none is given.</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Files attached to the message.</summary>
    public List<MailAttachment> Attachments { get; set; } = new();

    /// <summary>Files the HTML refers to by content id ("cid:NAME", NAME being the attachment's name).</summary>
    public List<MailAttachment> InlineAttachments { get; set; } = new();

    /// <summary>The text part to send: <see cref="Text"/>, or a plain rendering of <see cref="Html"/> when it is empty.</summary>
    public string PlainText() => Text != "" ? Text : HtmlToText.Convert(Html);

    /// <summary>Every recipient (to, cc and bcc).</summary>
    public IEnumerable<MailAddress> Recipients() => To.Concat(Cc).Concat(Bcc);
}
