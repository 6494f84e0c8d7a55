using Autofac;
using Microsoft.Extensions.Logging;
using Satchel.Mail;

namespace Satchel.Plugins.MailerSmtp;

/// <summary>
/// Registers the app's mail transport: SMTP with the settings' smtp section when it is enabled,
/// otherwise the local sendmail program (PocketBase's default).
/// </summary>
public sealed class MailerSmtpPlugin : IPlugin
{
    public string Name => "mailer-smtp";

    public void Register(ContainerBuilder builder, PluginOptions options)
    {
        builder.Register(c => new SmtpMailer(c.Resolve<IApp>(), c.ResolveOptional<ILogger<SmtpMailer>>()))
            .As<IMailer>().AsSelf().SingleInstance();
    }

    public void Configure(IPluginContext context)
    {
    }
}
