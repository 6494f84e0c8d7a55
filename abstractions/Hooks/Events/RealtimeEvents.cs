using Microsoft.AspNetCore.Http;
using Satchel.Realtime;

namespace Satchel.Hooks;

/// <summary>
/// A client opening the realtime SSE connection. Next returns only when the client disconnects,
/// so code after it runs on disconnect.
/// </summary>
public class RealtimeConnectRequestEvent(IApp app, HttpContext http, IRealtimeClient client) : RequestEvent(app, http)
{
    public IRealtimeClient Client { get; set; } = client;

    /// <summary>How long the connection may stay without messages before the server closes it.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>A client replacing its subscriptions; handlers may filter <see cref="Subscriptions"/> before they apply.</summary>
public class RealtimeSubscribeRequestEvent(IApp app, HttpContext http, IRealtimeClient client, List<string> subscriptions)
    : RequestEvent(app, http)
{
    public IRealtimeClient Client { get; set; } = client;
    public List<string> Subscriptions { get; set; } = subscriptions;
}

/// <summary>A message about to be sent to a realtime client; <see cref="RequestEvent.Http"/> is the client's connect request.</summary>
public class RealtimeMessageEvent(IApp app, HttpContext http, IRealtimeClient client, RealtimeMessage message)
    : RequestEvent(app, http)
{
    public IRealtimeClient Client { get; set; } = client;
    public RealtimeMessage Message { get; set; } = message;
}
