using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Satchel.Http;

/// <summary>
/// Reads a request body the way PocketBase accepts it (JSON, multipart or url-encoded form) as a
/// JSON object. The body is read once per request and kept, so an endpoint and the hooks it fires
/// can all read it; every call returns a fresh copy.
/// </summary>
public interface IRequestBodyReader
{
    Task<JsonObject> ReadAsync(HttpContext http);
}

public static class RequestBodyExtensions
{
    /// <summary>The request body as a JSON object (an empty body is an empty object); invalid input throws a 400.</summary>
    public static Task<JsonObject> ReadBodyAsync(this HttpContext http)
        => http.RequestServices.GetRequiredService<IRequestBodyReader>().ReadAsync(http);
}
