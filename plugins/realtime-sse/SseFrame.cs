using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using Satchel.Realtime;

namespace Satchel.Plugins.RealtimeSse;

/// <summary>
/// Writes one message in the event-stream format PocketBase uses: <c>id:</c> the client id (the JS
/// SDK reads its clientId from it), <c>event:</c> the message name, <c>data:</c> the payload.
/// A payload spanning several lines is written as several data lines, which clients join back.
/// </summary>
internal static class SseFrame
{
    public static void Write(PipeWriter writer, string clientId, RealtimeMessage message)
    {
        Append(writer, "id:");
        Append(writer, clientId);
        Append(writer, "\nevent:");
        Append(writer, OneLine(message.Name));
        var data = message.Utf8Data.Span;
        if (data.IndexOfAny((byte)'\n', (byte)'\r') < 0)
        {
            Append(writer, "\ndata:");
            writer.Write(data);
        }
        else
        {
            foreach (var line in (message.Data ?? "").ReplaceLineEndings("\n").Split('\n'))
            {
                Append(writer, "\ndata:");
                Append(writer, line);
            }
        }
        Append(writer, "\n\n");
    }

    /// <summary>The frame as text (for tests and logs).</summary>
    public static string ToText(string clientId, RealtimeMessage message)
    {
        var pipe = new Pipe();
        Write(pipe.Writer, clientId, message);
        pipe.Writer.Complete();
        pipe.Reader.TryRead(out var result);
        var text = Encoding.UTF8.GetString(result.Buffer);
        pipe.Reader.AdvanceTo(result.Buffer.End);
        return text;
    }

    // A line break inside the event name would end the field early and corrupt the stream.
    private static string OneLine(string s) => s.IndexOfAny(['\n', '\r']) < 0 ? s : s.Replace("\r", "").Replace("\n", "");

    private static void Append(PipeWriter writer, string text)
    {
        if (text.Length == 0) return;
        var span = writer.GetSpan(Encoding.UTF8.GetMaxByteCount(text.Length));
        var n = Encoding.UTF8.GetBytes(text, span);
        writer.Advance(n);
    }
}
