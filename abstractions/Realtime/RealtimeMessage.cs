using System.Text;

namespace Satchel.Realtime;

/// <summary>
/// One SSE message: the event name (a subscription topic as the client submitted it, or PB_CONNECT)
/// and its data, usually JSON. The UTF-8 form of the data is made once and shared by the copies
/// a broadcast sends to each client (<see cref="WithName"/>).
/// </summary>
public sealed class RealtimeMessage(string name, string data)
{
    private string _data = data;
    private byte[]? _utf8;

    public string Name { get; set; } = name;

    public string Data
    {
        get => _data;
        set { _data = value; _utf8 = null; }
    }

    /// <summary>The data as UTF-8 (read-only: it may be shared with other messages).</summary>
    public ReadOnlyMemory<byte> Utf8Data => _utf8 ??= Encoding.UTF8.GetBytes(_data ?? "");

    /// <summary>A message with the same data under another name (each client gets its own, so a hook may change one alone).</summary>
    public RealtimeMessage WithName(string name)
    {
        _ = Utf8Data; // encode once, for every copy
        return new RealtimeMessage(name, _data) { _utf8 = _utf8 };
    }
}
