using Microsoft.AspNetCore.Http;

namespace Satchel.Hooks;

/// <summary>
/// A batch request before its sub-requests run (each still fires its own record request hook);
/// handlers may check or change <see cref="Batch"/>.
/// </summary>
public class BatchRequestEvent(IApp app, HttpContext http, List<InternalRequest> batch) : RequestEvent(app, http)
{
    public List<InternalRequest> Batch { get; set; } = batch;
}

/// <summary>One sub-request of a batch.</summary>
public class InternalRequest
{
    public string Method { get; set; } = "";
    public string Url { get; set; } = "";
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>The body fields; uploaded files appear as their file objects.</summary>
    public Dictionary<string, object?> Body { get; set; } = new(StringComparer.Ordinal);
}
