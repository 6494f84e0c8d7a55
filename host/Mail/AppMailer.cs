using Satchel.Hooks;

namespace Satchel.Mail;

/// <summary>
/// The app's mailer (<see cref="IApp.Mailer"/>): every email goes through the OnMailerSend hook,
/// whose core step hands the (possibly changed) message to the mail plugin's transport.
/// </summary>
public sealed class AppMailer(IApp app, Func<IMailer?> transport) : IMailer
{
    public const string NoTransportMessage = "no mail sender plugin is loaded (enable mailer-smtp in plugins.json)";

    public void Send(MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        app.Hooks.OnMailerSend.Trigger(new MailerEvent(app, this, message), e =>
        {
            var sender = transport() ?? throw new MailException(NoTransportMessage);
            sender.Send(e.Message);
        });
    }
}
