using Autofac;
using Microsoft.Extensions.Logging;
using Satchel.Auth;

namespace Satchel.Plugins.Mfa;

/// <summary>
/// Multi-factor authentication. When an auth collection has MFA enabled (and its optional rule
/// matches the record), a first successful sign-in answers 401 <c>{"mfaId"}</c> instead of a
/// token; a sign-in with a different method that sends that mfaId completes the login.
/// </summary>
public sealed class MfaPlugin : IPlugin
{
    /// <summary>Runs after the handlers bound with the default priority, right before the auth response is built.</summary>
    public const int HookPriority = 1_000_000;

    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);
    private Timer? _cleanup;

    public string Name => "mfa";

    public void Register(ContainerBuilder builder, PluginOptions options)
        => builder.RegisterType<MfaAuthMethods>().As<IAuthMethodsContributor>().SingleInstance();

    public void Configure(IPluginContext context)
    {
        var sessions = new MfaSessions(context.App);
        var step = new MfaStep(sessions, context.Resolve<IRecordRuleChecker>());
        context.App.Hooks.OnRecordAuthRequest.Bind(step.Handle, HookPriority, "__satchelMfa__");
        var log = context.Resolve<ILoggerFactory>().CreateLogger("Satchel.Mfa");
        _cleanup = new Timer(_ => sessions.DeleteExpiredQuietly(log), null, CleanupInterval, CleanupInterval);
    }
}
