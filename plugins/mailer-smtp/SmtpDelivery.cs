using System.Net.Security;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Satchel.Mail;
using Satchel.Settings;

namespace Satchel.Plugins.MailerSmtp;

/// <summary>
/// One SMTP session per email, the way PocketBase's client behaves: implicit TLS when
/// settings.smtp.tls is set, otherwise STARTTLS whenever the server offers it; EHLO with the
/// configured local name ("localhost" by default); PLAIN (the default) or LOGIN authentication
/// when a username or password is set — and, like PocketBase, credentials only travel over an
/// encrypted connection unless the server is this machine.
/// </summary>
public static class SmtpDelivery
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static void Send(MimeMessage message, SmtpSettings smtp, RemoteCertificateValidationCallback? certificateValidation)
    {
        using var client = new SmtpClient
        {
            LocalDomain = smtp.LocalName != "" ? smtp.LocalName : "localhost",
            Timeout = (int)Timeout.TotalMilliseconds,
        };
        if (certificateValidation != null) client.ServerCertificateValidationCallback = certificateValidation;

        var security = smtp.Tls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        using var cancel = new CancellationTokenSource(Timeout * 2);
        client.Connect(smtp.Host, smtp.Port, security, cancel.Token);

        if (smtp.Username != "" || smtp.Password != "")
        {
            if (!client.IsSecure && !IsLocalhost(smtp.Host))
                throw new MailException($"refusing to send the SMTP credentials over an unencrypted connection to {smtp.Host}:{smtp.Port} (enable TLS, or use a server that offers STARTTLS)");
            SaslMechanism mechanism = string.Equals(smtp.AuthMethod, SmtpSettings.AuthLogin, StringComparison.OrdinalIgnoreCase)
                ? new SaslMechanismLogin(smtp.Username, smtp.Password)
                : new SaslMechanismPlain(smtp.Username, smtp.Password);
            client.Authenticate(mechanism, cancel.Token);
        }

        client.Send(message, cancel.Token);
        client.Disconnect(quit: true, cancel.Token);
    }

    private static bool IsLocalhost(string host) => host is "localhost" or "127.0.0.1" or "::1";
}
