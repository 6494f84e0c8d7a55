using Autofac;
using Microsoft.Extensions.Logging;
using Satchel.Auth;
using Satchel.Models.Fields;

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

    public string Name => "mfa";

    public void Register(ContainerBuilder builder, PluginOptions options)
        => builder.RegisterType<MfaAuthMethods>().As<IAuthMethodsContributor>().SingleInstance();

    public void Configure(IPluginContext context)
    {
        var sessions = new MfaSessions(context.App);
        var step = new MfaStep(sessions, context.Resolve<IRecordRuleChecker>());
        context.App.Hooks.OnRecordAuthRequest.Bind(step.Handle, HookPriority, "__satchelMfa__");
        var log = context.Resolve<ILoggerFactory>().CreateLogger("Satchel.Mfa");
        sessions.Rows.ScheduleExpiryCleanup(auth => auth.Mfa.Duration, CleanupInterval, log);
        sessions.Rows.FollowAuthRecordDeletes(log);

        // A session belongs to a record and its current password.
        context.App.Hooks.OnRecordUpdate.Bind(e =>
        {
            var before = PasswordHash(e.Record.Original("password"));
            e.Next();
            if (e.Record.Collection.IsAuth && PasswordHash(e.Record.Get("password")) != before) sessions.Rows.DeleteAllFor(e.Record);
        });
    }

    private static string PasswordHash(object? value) => value is PasswordValue p ? p.Hash : "";
}
