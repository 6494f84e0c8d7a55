using System.Net.Mail;
using System.Text;
using MimeKit;
using Satchel.Mail;
using MailMessage = Satchel.Mail.MailMessage;

namespace Satchel.Tests.Mail;

/// <summary>What arrives at the SMTP server: addresses, bodies, headers, attachments, EHLO name.</summary>
public sealed class SmtpMessageTests
{
    [Fact]
    public async Task Delivers_every_part_of_the_message()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var t = SmtpTestSettings.For(server);
        var message = new MailMessage
        {
            From = new MailAddress("support@example.com", "Acme Support"),
            To = { new MailAddress("a@example.com", "Ann"), new MailAddress("b@example.com") },
            Cc = { new MailAddress("c@example.com", "Cy") },
            Bcc = { new MailAddress("hidden@example.com") },
            Subject = "Grüße & more",
            Html = "<p>Hello <b>Ann</b></p><img src=\"cid:logo.png\">",
            Headers = { ["Reply-To"] = "help@example.com", ["X-Campaign"] = "spring" },
            Attachments =
            {
                new MailAttachment("report.pdf", Encoding.ASCII.GetBytes("%PDF-1.4 fake")),
                new MailAttachment("data.bin", new MemoryStream(new byte[] { 1, 2, 3 }), "application/x-custom"),
            },
            InlineAttachments = { new MailAttachment("logo.png", new byte[] { 0x89, 0x50, 0x4E, 0x47 }) },
        };

        t.Mailer().Send(message);

        var got = server.Single();
        var mime = got.Message;
        Assert.Equal("support@example.com", got.EnvelopeFrom);
        Assert.Equal(new[] { "a@example.com", "b@example.com", "c@example.com", "hidden@example.com" }, got.EnvelopeTo.Order());
        Assert.Equal("\"Acme Support\" <support@example.com>", mime.From.ToString());
        Assert.Equal("Ann", mime.To.Mailboxes.First().Name);
        Assert.Equal("Cy", mime.Cc.Mailboxes.Single().Name);
        Assert.Empty(mime.Bcc);
        Assert.Null(mime.Headers[HeaderId.Bcc]);
        Assert.Equal("Grüße & more", mime.Subject);
        Assert.Equal("help@example.com", mime.Headers["Reply-To"]);
        Assert.Equal("spring", mime.Headers["X-Campaign"]);
        Assert.Contains("<b>Ann</b>", mime.HtmlBody);
        Assert.Equal("Hello Ann", (mime.TextBody ?? "").Trim());
        Assert.EndsWith("@example.com", mime.MessageId);

        var attachments = mime.Attachments.OfType<MimePart>().ToDictionary(p => p.FileName ?? "");
        Assert.Equal("application/pdf", attachments["report.pdf"].ContentType.MimeType);
        Assert.Equal("application/x-custom", attachments["data.bin"].ContentType.MimeType);
        Assert.Equal(new byte[] { 1, 2, 3 }, Content(attachments["data.bin"]));

        var logo = mime.BodyParts.OfType<MimePart>().Single(p => p.ContentId == "logo.png");
        Assert.Equal("image/png", logo.ContentType.MimeType);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, Content(logo));
    }

    [Fact]
    public async Task An_explicit_text_body_and_message_id_are_kept()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var t = SmtpTestSettings.For(server);
        var message = TestMessages.Simple();
        message.Text = "Plain words.";
        message.Headers["Message-ID"] = "<fixed-id@acme.test>";

        t.Mailer().Send(message);

        var mime = server.Single().Message;
        Assert.Equal("Plain words.", (mime.TextBody ?? "").Trim());
        Assert.Equal("fixed-id@acme.test", mime.MessageId);
    }

    [Fact]
    public async Task Header_values_cannot_smuggle_extra_headers()
    {
        await using var server = await TestSmtpServer.StartAsync();
        var t = SmtpTestSettings.For(server);
        var message = TestMessages.Simple();
        message.Headers["X-Note"] = "hello\r\nBcc: victim@example.com";

        t.Mailer().Send(message);

        var got = server.Single();
        Assert.DoesNotContain("victim@example.com", got.EnvelopeTo);
        Assert.Null(got.Message.Headers[HeaderId.Bcc]);
    }

    [Theory]
    [InlineData("", "localhost")]
    [InlineData("mail.acme.test", "mail.acme.test")]
    public async Task Greets_with_the_configured_local_name(string localName, string expected)
    {
        await using var server = await TestSmtpServer.StartAsync();
        var t = SmtpTestSettings.For(server);
        t.Smtp.LocalName = localName;

        t.Mailer().Send(TestMessages.Simple());

        Assert.Equal(expected, server.Single().Helo);
    }

    [Fact]
    public async Task Reads_the_smtp_settings_at_every_send()
    {
        await using var first = await TestSmtpServer.StartAsync();
        await using var second = await TestSmtpServer.StartAsync();
        var t = SmtpTestSettings.For(first);
        var mailer = t.Mailer();

        mailer.Send(TestMessages.Simple("one"));
        t.Smtp.Port = second.Port;
        mailer.Send(TestMessages.Simple("two"));

        Assert.Equal("one", first.Single().Message.Subject);
        Assert.Equal("two", second.Single().Message.Subject);
    }

    [Fact]
    public void A_message_without_sender_or_recipients_is_refused()
    {
        var t = new SmtpTestSettings();
        var noFrom = TestMessages.Simple();
        noFrom.From = null;
        Assert.Contains("sender", Assert.Throws<MailException>(() => t.Mailer().Send(noFrom)).Message);

        var noTo = TestMessages.Simple();
        noTo.To.Clear();
        Assert.Contains("recipients", Assert.Throws<MailException>(() => t.Mailer().Send(noTo)).Message);
    }

    private static byte[] Content(MimePart part)
    {
        using var ms = new MemoryStream();
        part.Content!.DecodeTo(ms);
        return ms.ToArray();
    }
}
