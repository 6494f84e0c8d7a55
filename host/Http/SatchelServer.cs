using Autofac;
using Autofac.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Satchel.Core;
using Satchel.Errors;
using Satchel.Http.RateLimit;
using Satchel.Mail;
using Satchel.Plugins;

namespace Satchel.Http;

/// <summary>
/// Builds the web server: Kestrel on the --http address, Autofac with the plugins' modules,
/// the middleware chain (errors → CORS → auth loading → routing → rate limit) and every core
/// and plugin route.
/// </summary>
public static class SatchelServer
{
    /// <summary>PocketBase's default request body limit.</summary>
    public const long MaxBodySize = 32L << 20;

    public static WebApplication Build(SatchelApp app, IReadOnlyList<LoadedPlugin> plugins, ServeOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.TimestampFormat = "yyyy-MM-dd HH:mm:ss "; });
        builder.Logging.SetMinimumLevel(options.Dev ? LogLevel.Information : LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.AspNetCore", options.Dev ? LogLevel.Information : LogLevel.Warning);

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = MaxBodySize;
            k.Listen(ListenAddress.Parse(options.Http));
        });
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.Services.AddRouting();
        builder.Services.AddCors();

        var rateLimiter = new RateLimiter(app);
        builder.Host.UseServiceProviderFactory(new AutofacServiceProviderFactory());
        builder.Host.ConfigureContainer<ContainerBuilder>(c =>
        {
            c.RegisterInstance(app).As<IApp>().AsSelf().ExternallyOwned();
            c.RegisterInstance(app.Tokens).As<Satchel.Auth.IAuthTokens>();
            c.RegisterInstance(app.Hooks);
            c.RegisterType<CachedRequestBodyReader>().As<IRequestBodyReader>().SingleInstance();
            c.RegisterType<ApiResponseWriter>().As<IResponseWriter>().SingleInstance();
            c.RegisterType<Satchel.Auth.RecordRuleChecker>().As<Satchel.Auth.IRecordRuleChecker>().SingleInstance();
            c.RegisterType<Satchel.Auth.RecordAuthResponder>().As<Satchel.Auth.IRecordAuthResponder>().SingleInstance();
            c.RegisterInstance(app.RecordMails).As<IRecordMailer>();
            c.RegisterInstance(rateLimiter).As<IRateLimiter>().AsSelf();
            c.RegisterType<Satchel.Records.RecordAccess>().As<Satchel.Records.IRecordAccess>().SingleInstance();
            // Always there, so plugins can hold it whether or not a realtime transport is enabled.
            c.RegisterInstance(new Satchel.Realtime.RealtimeBroker()).As<Satchel.Realtime.IRealtimeBroker>();
            foreach (var p in plugins)
            {
                try { p.Instance.Register(c, new PluginOptions(p.Entry.Options)); }
                catch (Exception e) { throw new PluginLoadException(p.Entry.Name, $"registering its services failed: {e.Message}", e); }
            }
        });

        var web = builder.Build();
        // The mail plugin's transport (if one is enabled) is what app.Mailer delivers through.
        app.MailTransport = web.Services.GetService<IMailer>();
        app.MailLog = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Satchel.Mail");
        app.AuthLog = web.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Satchel.Auth");
        new Satchel.Auth.NewDeviceAlert(app, app.AuthOrigins, rateLimiter.ClientIpOf, app.AuthLog).Bind(app.Hooks);

        web.UseMiddleware<ErrorMiddleware>();
        web.UseCors(cors =>
        {
            if (options.Origins.Contains("*")) cors.AllowAnyOrigin(); else cors.WithOrigins(options.Origins.ToArray());
            cors.AllowAnyHeader().AllowAnyMethod();
        });
        web.UseMiddleware<AuthLoadingMiddleware>();
        web.UseRouting();
        web.UseMiddleware<RateLimitMiddleware>();

        CoreRoutes.Map(web);
        foreach (var p in plugins)
        {
            try { p.Instance.Configure(new PluginContext(app, web, p.Entry)); }
            catch (Exception e) { throw new PluginLoadException(p.Entry.Name, $"configuring failed: {e.Message}", e); }
        }

        // Anything no route took: PocketBase's 404 body.
        web.MapFallback(http => ApiJson.WriteError(http, ApiException.NotFound()));
        return web;
    }
}
