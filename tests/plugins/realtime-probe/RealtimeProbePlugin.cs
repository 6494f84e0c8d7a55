using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Satchel.Plugins;
using Satchel.Realtime;

namespace Satchel.TestPlugins.RealtimeProbe;

/// <summary>
/// POST /realtime-probe/send {"topic","data"}: sends <c>data</c> (any JSON) to every client
/// subscribed to <c>topic</c> through the broker, and answers {"sent": n}.
/// GET /realtime-probe/clients: {"total": n}.
/// </summary>
public sealed class RealtimeProbePlugin : IPlugin
{
    public string Name => "realtime-probe";

    public void Configure(IPluginContext context)
    {
        var broker = context.Resolve<IRealtimeBroker>();
        context.Routes.MapPost("/realtime-probe/send", async (HttpContext http) =>
        {
            var body = JsonNode.Parse(await new StreamReader(http.Request.Body).ReadToEndAsync())!;
            var topic = body["topic"]!.GetValue<string>();
            var sent = broker.SendToSubscribers(new RealtimeMessage(topic, body["data"]?.ToJsonString() ?? "null"));
            return Results.Json(new { sent });
        });
        context.Routes.MapGet("/realtime-probe/clients", () => Results.Json(new { total = broker.TotalClients }));
    }
}
