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
    private Timer? _cleanup;

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

    private void BindCleanup(IApp app, OtpStore store, ILogger log)
    {
        app.Hooks.OnServe.Bind(e =>
        {
            store.DeleteExpiredQuietly(log);
            e.Next();
        });
        _cleanup = new Timer(_ => store.DeleteExpiredQuietly(log), null, CleanupInterval, CleanupInterval);
        app.Hooks.OnTerminate.Bind(e =>
        {
            _cleanup?.Dispose();
            e.Next();
        });

        // A code belongs to a record and its current tokenKey (password and email changes renew it).
        app.Hooks.OnRecordDeleteExecute.Bind(e =>
        {
            e.Next();
            if (e.Record.Collection.IsAuth) store.DeleteAllFor(e.Record);
        });
        app.Hooks.OnRecordUpdateExecute.Bind(e =>
        {
            var before = e.Record.Original("tokenKey") as string ?? "";
            e.Next();
            if (e.Record.Collection.IsAuth && e.Record.GetString("tokenKey") != before) store.DeleteAllFor(e.Record);
        });
        app.Hooks.OnCollectionAfterDeleteSuccess.Bind(e =>
        {
            if (e.Collection.IsAuth)
            {
                try { store.DeleteAllOf(e.Collection); }
                catch (Exception ex) { log.LogWarning("Failed to delete the OTPs of the deleted collection {Collection}: {Error}", e.Collection.Name, ex.Message); }
            }
            e.Next();
        });
    }
}
