using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace Satchel.Realtime;

/// <summary>
/// The request data attached to one subscription with <c>TOPIC?options={"query":{…},"headers":{…}}</c>:
/// rules see it as <c>@request.query.*</c> / <c>@request.headers.*</c>, and the record events read
/// <c>expand</c>, <c>fields</c> and <c>filter</c> from the query. Values are kept as strings; header
/// names are normalised the way PocketBase does ("X-Token" → "x_token").
/// </summary>
public sealed class RealtimeSubscriptionOptions
{
    public static readonly RealtimeSubscriptionOptions None = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public RealtimeSubscriptionOptions(IReadOnlyDictionary<string, string> query, IReadOnlyDictionary<string, string> headers)
    {
        Query = query;
        Headers = headers;
    }

    public IReadOnlyDictionary<string, string> Query { get; }
    public IReadOnlyDictionary<string, string> Headers { get; }

    private string? _key;

    /// <summary>A canonical text of the options: equal keys mean equal query and headers (so one rule check can serve many subscriptions).</summary>
    public string Key => _key ??= string.Join('&', Query.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => "q." + Escape(p.Key) + "=" + Escape(p.Value)))
        + "|" + string.Join('&', Headers.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => "h." + Escape(p.Key) + "=" + Escape(p.Value)));

    private static string Escape(string s) => Uri.EscapeDataString(s);

    /// <summary>A query value, or null when absent or empty.</summary>
    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) && v != "" ? v : null;

    /// <summary>
    /// The topic of a subscription (the part before "?") and its options. Options that are not
    /// valid JSON are ignored, as PocketBase does.
    /// </summary>
    public static (string Topic, RealtimeSubscriptionOptions Options) Parse(string subscription)
    {
        var topic = TopicOf(subscription);
        if (topic.Length == subscription.Length) return (topic, None);
        var q = topic.Length;
        var raw = QueryHelpers.ParseQuery(subscription[q..]).TryGetValue("options", out var values) ? values.FirstOrDefault() : null;
        if (string.IsNullOrEmpty(raw)) return (topic, None);

        try
        {
            using var doc = JsonDocument.Parse(raw);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return (topic, None);
            return (topic, new RealtimeSubscriptionOptions(
                Strings(doc.RootElement, "query", k => k),
                Strings(doc.RootElement, "headers", Snakecase)));
        }
        catch (JsonException)
        {
            return (topic, None);
        }
    }

    /// <summary>The topic of a subscription: the part before any "?" (without parsing the options).</summary>
    public static string TopicOf(string subscription)
    {
        var q = subscription.IndexOf('?');
        return q < 0 ? subscription : subscription[..q];
    }

    private static Dictionary<string, string> Strings(JsonElement root, string name, Func<string, string> key)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!root.TryGetProperty(name, out var obj) || obj.ValueKind != JsonValueKind.Object) return result;
        foreach (var p in obj.EnumerateObject())
        {
            result[key(p.Name)] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Number => p.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                _ => "", // null, objects and arrays have no single string form
            };
        }
        return result;
    }

    /// <summary>PocketBase's snake case: words split at non-word characters and underscores, "_" before an upper case letter that follows a lower one, all lower case.</summary>
    public static string Snakecase(string s)
    {
        var sb = new StringBuilder(s.Length + 4);
        var word = new StringBuilder();
        void Flush()
        {
            if (word.Length == 0) return;
            if (sb.Length > 0) sb.Append('_');
            for (var i = 0; i < word.Length; i++)
            {
                var c = word[i];
                if (char.IsUpper(c) && i > 0 && !char.IsUpper(word[i - 1])) sb.Append('_');
                sb.Append(c);
            }
            word.Clear();
        }
        foreach (var c in s)
        {
            if (char.IsLetterOrDigit(c)) word.Append(c);
            else Flush();
        }
        Flush();
        return sb.ToString().ToLowerInvariant();
    }
}
