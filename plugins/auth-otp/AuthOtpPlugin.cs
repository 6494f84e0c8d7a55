using Autofac;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Satchel.Auth;
using Satchel.Http;

namespace Satchel.Plugins.AuthOtp;

/// <summary>
/// One-time password sign-in for auth collections with otp enabled: request-otp mails a code,
/// auth-with-otp signs in with it (<c>POST /api/collections/{collection}/…</c>), and the "otp"
/// section of auth-methods. Codes live hashed in <c>_otps</c> and are removed when used,
/// expired (hourly), or when their record is deleted or gets a new tokenKey.
/// </summary>
public sealed class AuthOtpPlugin : IPlugin
{
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);

    public string Name => "auth-otp";

    public void Register(ContainerBuilder builder, PluginOptions options)
        => builder.RegisterType<OtpAuthMethods>().As<IAuthMethodsContributor>().SingleInstance();

    public void Configure(IPluginContext context)
    {
        var app = context.App;
        var log = context.Resolve<ILoggerFactory>().CreateLogger("Satchel.AuthOtp");
        var store = new OtpStore(app);
        var writer = context.Resolve<IResponseWriter>();

        context.Routes.MapPost("/api/collections/{collection}/request-otp",
            new RequestOtpEndpoint(app, writer, store, log).HandleAsync).RateLimited("requestOTP");
        var signIn = new AuthWithOtpEndpoint(app, context.Resolve<IRecordAuthResponder>(), writer, context.Resolve<IRateLimiter>(),
            store, new OtpAttempts(TimeProvider.System), log);
        context.Routes.MapPost("/api/collections/{collection}/auth-with-otp", signIn.HandleAsync).RateLimited("authWithOTP", "auth");

        BindCleanup(app, store, log);
    }

    private static void BindCleanup(IApp app, OtpStore store, ILogger log)
    {
        store.Rows.ScheduleExpiryCleanup(auth => auth.Otp.Duration, CleanupInterval, log);
        store.Rows.FollowAuthRecordDeletes(log);

        // A code belongs to a record and its current tokenKey (password and email changes renew it).
        app.Hooks.OnRecordUpdateExecute.Bind(e =>
        {
            var before = e.Record.Original("tokenKey") as string ?? "";
            e.Next();
            if (e.Record.Collection.IsAuth && e.Record.GetString("tokenKey") != before) store.Rows.DeleteAllFor(e.Record);
        });
    }
}
