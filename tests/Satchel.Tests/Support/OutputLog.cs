using System.Text;

namespace Satchel.Tests.Support;

/// <summary>Lines a child process wrote to one stream, safe to read while it still writes.</summary>
public sealed class OutputLog
{
    private readonly StringBuilder _text = new();

    public void Append(string? line)
    {
        if (line == null) return;
        lock (_text) _text.AppendLine(line);
    }

    public string Text { get { lock (_text) return _text.ToString(); } }

    public override string ToString() => Text;
}
