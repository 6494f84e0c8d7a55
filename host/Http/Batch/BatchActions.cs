using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Satchel.Hooks;

namespace Satchel.Http.Batch;

/// <summary>
/// The sub-requests a batch may contain — record create, update, upsert and delete — and the
/// rewrite of an upsert (PUT …/records) into an update when the body's id exists, else a create.
/// </summary>
public static partial class BatchActions
{
    /// <summary>
    /// Checks <paramref name="request"/> against the allowed actions and resolves an upsert in place;
    /// false when it is not one of them.
    /// </summary>
    public static bool TryResolve(IApp app, InternalRequest request)
    {
        var line = request.Method.ToUpperInvariant() + " " + request.Url;
        var upsert = Upsert().Match(line);
        if (upsert.Success)
        {
            var collection = Uri.UnescapeDataString(upsert.Groups["collection"].Value);
            var query = upsert.Groups["query"].Value;
            var id = request.Body.GetValueOrDefault("id") switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                string s => s,
                _ => "",
            };
            if (id != "" && app.FindRecordById(collection, id) != null)
            {
                request.Method = "PATCH";
                request.Url = $"/api/collections/{upsert.Groups["collection"].Value}/records/{Uri.EscapeDataString(id)}{query}";
            }
            else
            {
                request.Method = "POST";
                request.Url = $"/api/collections/{upsert.Groups["collection"].Value}/records{query}";
            }
            return true;
        }
        return Create().IsMatch(line) || Update().IsMatch(line) || Delete().IsMatch(line);
    }

    [GeneratedRegex(@"^PUT /api/collections/(?<collection>[^/?]+)/records(?<query>\?.*)?$")]
    private static partial Regex Upsert();

    [GeneratedRegex(@"^POST /api/collections/[^/?]+/records(\?.*)?$")]
    private static partial Regex Create();

    [GeneratedRegex(@"^PATCH /api/collections/[^/?]+/records/[^/?]+(\?.*)?$")]
    private static partial Regex Update();

    [GeneratedRegex(@"^DELETE /api/collections/[^/?]+/records/[^/?]+(\?.*)?$")]
    private static partial Regex Delete();
}
