using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Satchel.Hooks;
using Satchel.Http;
using Satchel.Realtime;
using Satchel.Records;

namespace Satchel.Plugins.RealtimeSse;

/// <summary>
/// PocketBase's realtime API over Server-Sent Events: <c>GET /api/realtime</c> opens a stream,
/// <c>POST /api/realtime</c> sets its subscriptions, and committed record creates, updates and
/// deletes are announced to the subscribers allowed to see them. Clients live in the host's
/// <see cref="IRealtimeBroker"/>, where other plugins and hooks can send custom-topic messages.
/// </summary>
public sealed class RealtimeSsePlugin : IPlugin
{
    private const string HookId = "realtime-sse:";

    public string Name => "realtime-sse";

    public void Configure(IPluginContext context)
    {
        var app = context.App;
        var broker = context.Resolve<IRealtimeBroker>();
        var log = context.Resolve<ILoggerFactory>().CreateLogger("Satchel.Realtime");
        var lifetime = context.Resolve<IHostApplicationLifetime>();

        var broadcaster = new RecordBroadcaster(app, broker, context.Resolve<IRecordAccess>(), log);
        var authSync = new ClientAuthSync(broker);
        BindHooks(app.Hooks, broadcaster, authSync, log);
        broadcaster.Start();

        // Shutdown ends every stream (each response completes normally) before the server waits
        // for requests to drain, so open connections never hold it up.
        var stopping = new CancellationTokenSource();
        lifetime.ApplicationStopping.Register(() =>
        {
            stopping.Cancel();
            _ = broadcaster.StopAsync();
        });

        var connect = new ConnectEndpoint(app, broker, stopping.Token, log);
        var subscribe = new SubscribeEndpoint(app, broker, context.Resolve<IResponseWriter>());
        context.Routes.MapGet("/api/realtime", (HttpContext http) => connect.HandleAsync(http));
        context.Routes.MapPost("/api/realtime", (HttpContext http) => subscribe.HandleAsync(http));
    }

    internal static void BindHooks(AppHooks hooks, RecordBroadcaster broadcaster, ClientAuthSync authSync, ILogger log)
    {
        // Bound early (PocketBase uses priority -99) and never failing the write that triggered them.
        void Safe(Action work, HookEvent e)
        {
            try { work(); }
            catch (Exception ex) { log.LogWarning(ex, "realtime: handling a committed change failed"); }
            e.Next();
        }

        hooks.OnRecordAfterCreateSuccess.Bind(e => Safe(() => broadcaster.Enqueue(RecordChange.Create, e.Record), e),
            priority: -99, id: HookId + "create");
        hooks.OnRecordAfterUpdateSuccess.Bind(e => Safe(() =>
        {
            authSync.RecordUpdated(e.Record);
            broadcaster.Enqueue(RecordChange.Update, e.Record);
        }, e), priority: -99, id: HookId + "update");
        hooks.OnRecordAfterDeleteSuccess.Bind(e => Safe(() =>
        {
            authSync.RecordDeleted(e.Record);
            broadcaster.Enqueue(RecordChange.Delete, e.Record);
        }, e), priority: -99, id: HookId + "delete");
        hooks.OnCollectionAfterUpdateSuccess.Bind(e => Safe(() => authSync.CollectionUpdated(e.Collection), e),
            priority: -99, id: HookId + "collection-update");
        hooks.OnCollectionAfterDeleteSuccess.Bind(e => Safe(() => authSync.CollectionDeleted(e.Collection), e),
            priority: -99, id: HookId + "collection-delete");
    }
}
