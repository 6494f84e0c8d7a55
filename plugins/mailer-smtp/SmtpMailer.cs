using System.Net.Security;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Satchel.Mail;
using Satchel.Settings;

namespace Satchel.Plugins.MailerSmtp;

/// <summary>
/// The mail transport. Reads settings.smtp at every send, so a settings change applies to the
/// next email: SMTP when enabled (<see cref="SmtpDelivery"/>), the local sendmail otherwise
/// (<see cref="SendmailDelivery"/>). A failure is logged with the recipients, subject and cause
/// only — never the body, which carries tokens and codes — and thrown as a <see cref="MailException"/>.
/// </summary>
public sealed class SmtpMailer : IMailer
{
    private readonly IApp _app;
    private readonly ILogger _log;
    private readonly SendmailDelivery _sendmail;

    public SmtpMailer(IApp app, ILogger<SmtpMailer>? log = null)
        : this(app, log, certificateValidation: null, sendmail: null)
    {
    }

    /// <param name="certificateValidation">Overrides the server certificate check (null: the system's trust store).</param>
    /// <param name="sendmail">Where to look for sendmail (null: PocketBase's places and the PATH).</param>
    public SmtpMailer(IApp app, ILogger? log, RemoteCertificateValidationCallback? certificateValidation, SendmailDelivery? sendmail)
    {
        _app = app;
        _log = log ?? NullLogger.Instance;
        CertificateValidation = certificateValidation;
        _sendmail = sendmail ?? new SendmailDelivery();
    }

    public RemoteCertificateValidationCallback? CertificateValidation { get; }

    public void Send(MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var smtp = _app.Settings.Smtp;
        try
        {
            var mime = MimeMessageFactory.Create(message);
            if (smtp.Enabled) SmtpDelivery.Send(mime, smtp, CertificateValidation);
            else _sendmail.Send(mime);
        }
        catch (Exception ex)
        {
            var error = Describe(ex, smtp);
            _log.LogError("Failed to send email to {Recipients} (subject {Subject}): {Error}",
                string.Join(", ", message.Recipients().Select(a => a.Address)), message.Subject, error);
            throw ex as MailException ?? new MailException(error, ex);
        }
    }

    /// <summary>A one-line cause that names the server and never the credentials.</summary>
    private static string Describe(Exception ex, SmtpSettings smtp) => ex switch
    {
        MailException m => m.Message,
        MailKit.Security.AuthenticationException => $"SMTP authentication to {smtp.Host}:{smtp.Port} failed: {ex.Message}",
        SmtpCommandException c => $"the SMTP server {smtp.Host}:{smtp.Port} refused the message ({(int)c.StatusCode}): {c.Message}",
        SmtpProtocolException => $"SMTP protocol error with {smtp.Host}:{smtp.Port}: {ex.Message}",
        MailKit.Security.SslHandshakeException => $"TLS with {smtp.Host}:{smtp.Port} failed: the server certificate is not trusted or TLS is not offered",
        System.Net.Sockets.SocketException => $"can't connect to the SMTP server {smtp.Host}:{smtp.Port}: {ex.Message}",
        IOException or TimeoutException or OperationCanceledException => $"connection to the SMTP server {smtp.Host}:{smtp.Port} failed: {ex.Message}",
        _ => ex.Message,
    };
}
