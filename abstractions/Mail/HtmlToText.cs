using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Satchel.Mail;

/// <summary>
/// A plain-text rendering of an HTML email body, for the text/plain part mail clients show when
/// they don't render HTML. Follows PocketBase's conversion: whitespace collapsed and indentation
/// dropped, a line break before each block element and at every &lt;br&gt;, list items prefixed
/// with "- ", links written as "[text](href)", and non-textual elements (scripts, styles, images,
/// forms…) left out.
/// </summary>
public static partial class HtmlToText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "style", "script", "iframe", "applet", "object", "svg", "img",
        "button", "form", "textarea", "input", "select", "option", "template",
    };

    private static readonly HashSet<string> Inline = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "span", "small", "strike", "strong", "sub", "sup", "em", "b", "u", "i",
    };

    /// <summary>Elements without content or end tag: skipping them must not wait for a closing tag.</summary>
    private static readonly HashSet<string> Void = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
    };

    public static string Convert(string html)
    {
        if (string.IsNullOrEmpty(html)) return "";
        var writer = new Writer();
        var i = 0;
        while (i < html.Length)
        {
            var lt = html.IndexOf('<', i);
            if (lt < 0) { writer.Text(html[i..]); break; }
            if (lt > i) writer.Text(html[i..lt]);

            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }

            var tag = TagPattern().Match(html, lt);
            if (!tag.Success || tag.Index != lt)
            {
                // "<!DOCTYPE …>", "<?xml …?>" and the like carry no text; a lone "<" is text.
                if (lt + 1 < html.Length && html[lt + 1] is '!' or '?')
                {
                    var gt = html.IndexOf('>', lt);
                    i = gt < 0 ? html.Length : gt + 1;
                }
                else
                {
                    writer.Text("<");
                    i = lt + 1;
                }
                continue;
            }

            i = lt + tag.Length;
            var name = tag.Groups["name"].Value;
            var closing = tag.Groups["close"].Success;
            if (closing)
            {
                if (name.Equals("a", StringComparison.OrdinalIgnoreCase)) writer.EndLink();
                continue;
            }

            if (Skipped.Contains(name))
            {
                if (!Void.Contains(name) && !tag.Value.EndsWith("/>", StringComparison.Ordinal)) i = SkipElement(html, i, name);
                continue;
            }

            writer.Element(name);
            if (name.Equals("a", StringComparison.OrdinalIgnoreCase)) writer.StartLink(Href(tag.Groups["attrs"].Value));
        }
        return writer.Finish();
    }

    /// <summary>The index after the element's matching end tag (nested elements of the same name included).</summary>
    private static int SkipElement(string html, int from, string name)
    {
        var depth = 1;
        var pattern = new Regex(@"<\s*(/)?\s*" + Regex.Escape(name) + @"\b[^>]*>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        for (var m = pattern.Match(html, from); m.Success; m = m.NextMatch())
        {
            if (m.Groups[1].Success) depth--;
            else if (!m.Value.EndsWith("/>", StringComparison.Ordinal)) depth++;
            if (depth == 0) return m.Index + m.Length;
        }
        return html.Length;
    }

    private static string Href(string attributes)
    {
        var m = HrefPattern().Match(attributes);
        if (!m.Success) return "";
        var value = m.Groups["dq"].Success ? m.Groups["dq"].Value : m.Groups["sq"].Success ? m.Groups["sq"].Value : m.Groups["bare"].Value;
        return WebUtility.HtmlDecode(value);
    }

    [GeneratedRegex(@"<\s*(?<close>/)?\s*(?<name>[a-zA-Z][a-zA-Z0-9:-]*)(?<attrs>(?:""[^""]*""|'[^']*'|[^'"">])*)>", RegexOptions.CultureInvariant)]
    private static partial Regex TagPattern();

    [GeneratedRegex(@"(?:^|\s)href\s*=\s*(?:""(?<dq>[^""]*)""|'(?<sq>[^']*)'|(?<bare>[^\s>]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HrefPattern();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    /// <summary>Accumulates the text; links collect their label in a buffer of their own.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _root = new();
        private readonly Stack<(StringBuilder Label, string Href)> _links = new();
        private bool _canBreak;

        private StringBuilder Current => _links.Count > 0 ? _links.Peek().Label : _root;

        public void Text(string raw)
        {
            var text = Whitespace().Replace(WebUtility.HtmlDecode(raw), " ");
            // Right after a line break (or at the start) the indentation goes.
            if (!_canBreak) text = text.TrimStart(' ');
            if (text.Length == 0) return;
            Current.Append(text);
            _canBreak = true;
        }

        public void Element(string name)
        {
            if (name.Equals("br", StringComparison.OrdinalIgnoreCase))
            {
                Current.Append("\r\n");
                _canBreak = false;
            }
            else if (_canBreak && !Inline.Contains(name))
            {
                Current.Append("\r\n");
                _canBreak = false;
            }
            if (name.Equals("li", StringComparison.OrdinalIgnoreCase)) Current.Append("- ");
        }

        public void StartLink(string href) => _links.Push((new StringBuilder(), href));

        public void EndLink()
        {
            if (_links.Count == 0) return;
            var (label, href) = _links.Pop();
            var text = label.ToString().Trim();
            var target = Current;
            target.Append('[').Append(text.Length == 0 ? "LINK" : text).Append(']');
            if (href.Length > 0) target.Append('(').Append(href).Append(')');
        }

        public string Finish()
        {
            while (_links.Count > 0) EndLink();
            return _root.ToString().Trim();
        }
    }
}
