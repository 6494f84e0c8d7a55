using Microsoft.AspNetCore.Http;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Http;
using Satchel.Models;
using Satchel.Realtime;

namespace Satchel.Plugins.RealtimeSse;

/// <summary>
/// POST /api/realtime: replaces a connected client's subscriptions. The request's auth becomes the
/// client's auth; a guest client may sign in this way, but an authenticated client may not switch to
/// another identity or back to guest (403). The request must come from the IP that opened the stream.
/// </summary>
internal sealed class SubscribeEndpoint(IApp app, IRealtimeBroker broker, IResponseWriter writer)
{
    public async Task HandleAsync(HttpContext http)
    {
        var form = SubscribeForm.From(await http.ReadBodyAsync());
        form.Validate();

        var client = broker.ClientById(form.ClientId) ?? throw ApiException.NotFound("Missing or invalid client id.");

        // Clients registered by plugins have no IP and are not checked.
        if (client.Get(ClientIp.StoreKey) is string ip && ip != "" && ip != ClientIp.Of(http, app.Settings))
            throw ApiException.BadRequest("Invalid realtime client.");

        if (client.Auth != null && !SameAuth(client.Auth, http.GetAuth()))
            throw ApiException.Forbidden("The current and the previous request authorization don't match.");

        var ev = new RealtimeSubscribeRequestEvent(app, http, client, form.Subscriptions);
        app.Hooks.OnRealtimeSubscribeRequest.Trigger(ev, e =>
        {
            ClientAuthSync.Bind(e.Client, e.Auth);
            e.Client.Unsubscribe();
            e.Client.Subscribe(e.Subscriptions.ToArray());
            e.NoContent();
        });
        await writer.WriteAsync(ev);
    }

    internal static bool SameAuth(Record? a, Record? b)
        => a == null ? b == null : b != null && a.Id == b.Id && a.Collection.Id == b.Collection.Id;
}
