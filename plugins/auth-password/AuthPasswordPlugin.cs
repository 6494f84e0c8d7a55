using Autofac;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging;
using Satchel.Auth;
using Satchel.Http;

namespace Satchel.Plugins.AuthPassword;

/// <summary>
/// Password accounts of auth collections (superusers included): identity/password sign-in and
/// the "password" section of auth-methods, plus the emailed record actions that come with
/// password accounts — verification, password reset and email change
/// (<c>POST /api/collections/{collection}/…</c>).
/// </summary>
public sealed class AuthPasswordPlugin : IPlugin
{
    public string Name => "auth-password";

    public void Register(ContainerBuilder builder, PluginOptions options)
        => builder.RegisterType<PasswordAuthMethods>().As<IAuthMethodsContributor>().SingleInstance();

    public void Configure(IPluginContext context)
    {
        var app = context.App;
        var writer = context.Resolve<IResponseWriter>();
        var guard = new ResendGuard(TimeProvider.System);
        var mail = new MailAfterCommit(app, context.Resolve<ILoggerFactory>().CreateLogger("Satchel.AuthPassword"));
        var routes = context.Routes;

        var signIn = new AuthWithPasswordEndpoint(app, context.Resolve<IRecordAuthResponder>(), writer);
        routes.MapPost("/api/collections/{collection}/auth-with-password", signIn.HandleAsync).RateLimited("authWithPassword", "auth");

        routes.MapPost("/api/collections/{collection}/request-verification",
            new RequestVerificationEndpoint(app, writer, guard, mail).HandleAsync).RateLimited("requestVerification");
        routes.MapPost("/api/collections/{collection}/confirm-verification",
            new ConfirmVerificationEndpoint(app, writer, guard).HandleAsync).RateLimited("confirmVerification");

        routes.MapPost("/api/collections/{collection}/request-password-reset",
            new RequestPasswordResetEndpoint(app, writer, guard, mail).HandleAsync).RateLimited("requestPasswordReset");
        routes.MapPost("/api/collections/{collection}/confirm-password-reset",
            new ConfirmPasswordResetEndpoint(app, writer, guard).HandleAsync).RateLimited("confirmPasswordReset");

        routes.MapPost("/api/collections/{collection}/request-email-change",
            new RequestEmailChangeEndpoint(app, writer, mail).HandleAsync).RateLimited("requestEmailChange");
        routes.MapPost("/api/collections/{collection}/confirm-email-change",
            new ConfirmEmailChangeEndpoint(app, writer).HandleAsync).RateLimited("confirmEmailChange");
    }
}
