using MimeKit;
using Satchel.Mail;
using Satchel.Plugins.MailerSmtp;
using Satchel.Tests.Support;

namespace Satchel.Tests.Mail;

/// <summary>With SMTP off the transport falls back to the local sendmail program, as PocketBase does.</summary>
public sealed class SendmailTests : IDisposable
{
    private readonly TempDir _dir = TempDir.Create("satchel-sendmail");

    /// <summary>A stand-in sendmail that records its arguments and the piped message, then exits with <paramref name="exitCode"/>.</summary>
    private string FakeSendmail(int exitCode = 0)
    {
        var path = _dir.Combine("sendmail");
        File.WriteAllText(path, $"""
            #!/bin/sh
            echo "$@" > "{_dir.Combine("args")}"
            cat > "{_dir.Combine("message.eml")}"
            echo "queue is full" >&2
            exit {exitCode}
            """.ReplaceLineEndings("\n"));
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public void Pipes_the_message_to_sendmail_when_smtp_is_disabled()
    {
        var t = new SmtpTestSettings { Smtp = { Enabled = false } };
        var mailer = t.Mailer(sendmail: new SendmailDelivery(new[] { _dir.Combine("missing"), FakeSendmail() }));
        var message = TestMessages.Simple("Via sendmail");
        message.Bcc.Add(new("secret-bcc@example.com"));

        mailer.Send(message);

        Assert.Equal("-i -t", File.ReadAllText(_dir.Combine("args")).Trim());
        var mime = MimeMessage.Load(_dir.Combine("message.eml"));
        Assert.Equal("Via sendmail", mime.Subject);
        Assert.Equal("to@example.com", mime.To.Mailboxes.Single().Address);
        // sendmail -t reads the Bcc header to find the hidden recipients (and removes it itself).
        Assert.Equal("secret-bcc@example.com", mime.Bcc.Mailboxes.Single().Address);
        Assert.Contains("<b>there</b>", mime.HtmlBody);
    }

    [Fact]
    public void Without_sendmail_the_error_says_what_to_do()
    {
        var t = new SmtpTestSettings { Smtp = { Enabled = false } };
        var mailer = t.Mailer(sendmail: new SendmailDelivery(new[] { _dir.Combine("nowhere/sendmail") }));

        var e = Assert.Throws<MailException>(() => mailer.Send(TestMessages.Simple()));

        Assert.Contains("no sendmail program was found", e.Message);
        Assert.Contains("enable SMTP", e.Message);
        Assert.Contains("to@example.com", Assert.Single(t.Log.Lines).Text);
    }

    [Fact]
    public void A_failing_sendmail_is_reported_with_its_exit_code()
    {
        var t = new SmtpTestSettings { Smtp = { Enabled = false } };
        var mailer = t.Mailer(sendmail: new SendmailDelivery(new[] { FakeSendmail(exitCode: 75) }));

        var e = Assert.Throws<MailException>(() => mailer.Send(TestMessages.Simple()));

        Assert.Contains("exited with code 75: queue is full", e.Message);
    }

    public void Dispose() => _dir.Dispose();
}
