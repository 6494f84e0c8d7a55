using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Satchel.Plugins;

namespace Satchel.TestPlugins.JsonNew;

/// <summary>GET /json-new/version: the Newtonsoft.Json assembly this plugin actually runs with.</summary>
public sealed class JsonNewPlugin : IPlugin
{
    public string Name => "json-new";

    public void Configure(IPluginContext context)
    {
        context.Routes.MapGet("/json-new/version", () =>
        {
            var assembly = typeof(JsonConvert).Assembly;
            var body = JsonConvert.SerializeObject(new { version = assembly.GetName().Version?.ToString(), location = assembly.Location });
            return Results.Text(body, "application/json");
        });
    }
}
