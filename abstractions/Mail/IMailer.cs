namespace Satchel.Mail;

/// <summary>
/// Sends emails. A mail plugin (e.g. mailer-smtp) registers the transport as <c>IMailer</c> in
/// the container; code that wants to send mail uses <see cref="IApp.Mailer"/> instead, which runs
/// the OnMailerSend hook before it reaches the transport. Mailer hooks receive the mailer in use
/// and may bypass it.
/// </summary>
public interface IMailer
{
    /// <summary>Sends the message; throws <see cref="MailException"/> (or the hook's error) when it could not be sent.</summary>
    void Send(MailMessage message);
}
