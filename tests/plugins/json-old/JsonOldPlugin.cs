using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Newtonsoft.Json;
using Satchel.Plugins;

namespace Satchel.TestPlugins.JsonOld;

/// <summary>GET /json-old/version: the Newtonsoft.Json assembly this plugin actually runs with.</summary>
public sealed class JsonOldPlugin : IPlugin
{
    public string Name => "json-old";

    public void Configure(IPluginContext context)
    {
        context.Routes.MapGet("/json-old/version", () =>
        {
            var assembly = typeof(JsonConvert).Assembly;
            var body = JsonConvert.SerializeObject(new { version = assembly.GetName().Version?.ToString(), location = assembly.Location });
            return Results.Text(body, "application/json");
        });
    }
}
