using Autofac;
using Microsoft.AspNetCore.Builder;
using Satchel.Auth;
using Satchel.Http;

namespace Satchel.Plugins.AuthPassword;

/// <summary>
/// Identity/password sign-in: <c>POST /api/collections/{collection}/auth-with-password</c> for
/// every auth collection with password auth enabled (superusers included) and the "password"
/// section of auth-methods.
/// </summary>
public sealed class AuthPasswordPlugin : IPlugin
{
    public string Name => "auth-password";

    public void Register(ContainerBuilder builder, PluginOptions options)
        => builder.RegisterType<PasswordAuthMethods>().As<IAuthMethodsContributor>().SingleInstance();

    public void Configure(IPluginContext context)
    {
        var endpoint = new AuthWithPasswordEndpoint(context.App, context.Resolve<IRecordAuthResponder>(), context.Resolve<IResponseWriter>());
        context.Routes.MapPost("/api/collections/{collection}/auth-with-password", endpoint.HandleAsync)
            .RateLimited("authWithPassword", "auth");
    }
}
