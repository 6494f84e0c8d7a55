using MimeKit;
using MimeKit.Utils;
using Satchel.Mail;
using MailMessage = Satchel.Mail.MailMessage;

namespace Satchel.Plugins.MailerSmtp;

/// <summary>
/// Turns a <see cref="MailMessage"/> into a MIME message: text and HTML alternatives (the text
/// derived from the HTML when not given), inline attachments referable as "cid:NAME",
/// attachments, the extra headers, and a Message-ID on the sender's domain when none is set.
/// </summary>
public static class MimeMessageFactory
{
    public static MimeMessage Create(MailMessage message)
    {
        if (message.From == null) throw new MailException("the message has no sender (From) address");
        if (!message.Recipients().Any()) throw new MailException("the message has no recipients");

        var mime = new MimeMessage();
        mime.From.Add(Address(message.From));
        mime.To.AddRange(message.To.Select(Address));
        mime.Cc.AddRange(message.Cc.Select(Address));
        mime.Bcc.AddRange(message.Bcc.Select(Address));
        mime.Subject = message.Subject;

        var body = new BodyBuilder { TextBody = message.PlainText() };
        if (message.Html != "") body.HtmlBody = message.Html;
        foreach (var inline in message.InlineAttachments)
        {
            var part = body.LinkedResources.Add(inline.Name, inline.OpenRead(), ContentTypeOf(inline));
            part.ContentId = inline.Name;
        }
        foreach (var attachment in message.Attachments)
            body.Attachments.Add(attachment.Name, attachment.OpenRead(), ContentTypeOf(attachment));
        mime.Body = body.ToMessageBody();

        // A Message-ID on the sender's domain unless the caller gave one (MimeKit's default names this machine).
        var at = message.From.Address.LastIndexOf('@');
        mime.MessageId = MimeUtils.GenerateMessageId(at >= 0 ? message.From.Address[(at + 1)..] : "localhost");
        foreach (var (name, value) in message.Headers)
        {
            if (name.Equals("Message-ID", StringComparison.OrdinalIgnoreCase)) mime.MessageId = value.Trim().Trim('<', '>');
            // Line breaks in a value would start new headers.
            else mime.Headers.Replace(name, value.ReplaceLineEndings(" "));
        }
        return mime;
    }

    private static MailboxAddress Address(System.Net.Mail.MailAddress a) => new(a.DisplayName, a.Address);

    private static ContentType ContentTypeOf(MailAttachment attachment)
        => ContentType.Parse(attachment.ContentType ?? MimeTypes.GetMimeType(attachment.Name));
}
