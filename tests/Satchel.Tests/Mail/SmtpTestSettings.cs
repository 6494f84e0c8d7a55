using Moq;
using Satchel.Plugins.MailerSmtp;
using Satchel.Settings;

namespace Satchel.Tests.Mail;

/// <summary>An app whose settings.smtp the test sets (and may change between sends), and the SMTP mailer over it.</summary>
public sealed class SmtpTestSettings
{
    public SmtpSettings Smtp { get; set; } = new() { Enabled = true, Host = "127.0.0.1" };
    public Mock<IApp> App { get; } = new();
    public CapturingLogger Log { get; } = new();

    public SmtpTestSettings()
    {
        // A fresh copy per read, like the real app's settings snapshot.
        App.SetupGet(a => a.Settings).Returns(() => new AppSettings
        {
            Smtp = new SmtpSettings
            {
                Enabled = Smtp.Enabled, Host = Smtp.Host, Port = Smtp.Port, Username = Smtp.Username, Password = Smtp.Password,
                AuthMethod = Smtp.AuthMethod, Tls = Smtp.Tls, LocalName = Smtp.LocalName,
            },
        });
    }

    public static SmtpTestSettings For(TestSmtpServer server) => new() { Smtp = { Port = server.Port } };

    /// <summary>The mailer trusting <paramref name="server"/>'s self-signed certificate (or the system's trust store when null).</summary>
    public SmtpMailer Mailer(TestSmtpServer? server = null, SendmailDelivery? sendmail = null)
        => new(App.Object, Log, server != null ? server.TrustsOwnCertificate : null, sendmail);
}
