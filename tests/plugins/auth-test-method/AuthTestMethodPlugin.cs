using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Errors;
using Satchel.Http;
using Satchel.Plugins;

namespace Satchel.TestPlugins.AuthTestMethod;

/// <summary>
/// POST /test-auth/{collection}/{id}: signs the record in with the auth method "test" (no
/// credential at all), through the same auth response as the real methods, so MFA can be
/// completed with a second, different method.
/// </summary>
public sealed class AuthTestMethodPlugin : IPlugin
{
    public const string Method = "test";

    public string Name => "auth-test-method";

    public void Configure(IPluginContext context)
    {
        var app = context.App;
        var responder = context.Resolve<IRecordAuthResponder>();
        var writer = context.Resolve<IResponseWriter>();
        context.Routes.MapPost("/test-auth/{collection}/{id}", async (HttpContext http, string collection, string id) =>
        {
            var target = app.FindAuthCollection(collection);
            await http.ReadBodyAsync();
            var record = app.FindRecordById(target.Id, id) ?? throw ApiException.NotFound();
            await writer.WriteAsync(responder.Respond(http, record, Method));
        });
    }
}
