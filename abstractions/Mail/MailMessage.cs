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
    /// <summary>Plain-text body; when empty the mailer derives one from <see cref="Html"/>.</summary>
    public string Text { get; set; } = "";
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>File name → content.</summary>
    public Dictionary<string, byte[]> Attachments { get; set; } = new(StringComparer.Ordinal);
}
