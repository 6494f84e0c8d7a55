using Satchel.Models;

namespace Satchel.Records;

/// <summary>
/// Who asks and with what request data, when rules are evaluated or a record is rendered for
/// someone other than the current HTTP request — e.g. a realtime subscriber, whose query and
/// headers come from its subscription options. Header names are in PocketBase's normalised form
/// ("x_token"). <see cref="Context"/> is what rules read as <c>@request.context</c>.
/// </summary>
public sealed class RecordRequestInfo
{
    private static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    public string Context { get; init; } = "default";
    public string Method { get; init; } = "GET";
    public IReadOnlyDictionary<string, string> Query { get; init; } = None;
    public IReadOnlyDictionary<string, string> Headers { get; init; } = None;

    /// <summary>The requester's auth record; null for a guest.</summary>
    public Record? Auth { get; init; }

    public bool IsSuperuser => Auth?.Collection.IsSuperusers == true;

    /// <summary>A query value, or null when absent or empty.</summary>
    public string? QueryValue(string name) => Query.TryGetValue(name, out var v) && v != "" ? v : null;
}
