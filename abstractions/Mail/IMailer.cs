namespace Satchel.Mail;

/// <summary>Sends emails (SMTP or a stand-in); mailer hooks receive the one in use and may bypass it.</summary>
public interface IMailer
{
    void Send(MailMessage message);
}
