namespace Satchel.Realtime;

/// <summary>One SSE message: the event name (a topic or PB_CONNECT) and its JSON data.</summary>
public sealed class RealtimeMessage(string name, string data)
{
    public string Name { get; set; } = name;
    public string Data { get; set; } = data;
}
