namespace Satchel.Hooks;

public sealed partial class AppHooks
{
    /// <summary>Fires when a client opens the SSE connection; code after Next runs once it disconnects.</summary>
    public Hook<RealtimeConnectRequestEvent> OnRealtimeConnectRequest { get; } = new();

    /// <summary>Fires when a client submits its subscriptions, before they replace the current ones.</summary>
    public Hook<RealtimeSubscribeRequestEvent> OnRealtimeSubscribeRequest { get; } = new();

    /// <summary>Fires before each SSE message is written to a client.</summary>
    public Hook<RealtimeMessageEvent> OnRealtimeMessageSend { get; } = new();
}
