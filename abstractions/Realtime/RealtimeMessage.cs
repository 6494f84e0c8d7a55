namespace Satchel.Realtime;

/// <summary>
/// One SSE message: the event name (a subscription topic as the client submitted it, or PB_CONNECT)
/// and its data, usually JSON.
/// </summary>
public sealed class RealtimeMessage(string name, string data)
{
    public string Name { get; set; } = name;
    public string Data { get; set; } = data;
}
