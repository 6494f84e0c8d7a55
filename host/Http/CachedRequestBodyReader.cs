using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Satchel.Http;

/// <summary>
/// Reads the body with <see cref="RequestBody"/> once per request and keeps the result (or the
/// failure) in the request's items, since the stream can be consumed only once.
/// </summary>
public sealed class CachedRequestBodyReader : IRequestBodyReader
{
    private const string Key = "satchel.body";

    public async Task<JsonObject> ReadAsync(HttpContext http)
    {
        if (!http.Items.TryGetValue(Key, out var cached))
        {
            try { cached = await RequestBody.ReadObjectAsync(http); }
            catch (Exception e) { cached = ExceptionDispatchInfo.Capture(e); }
            http.Items[Key] = cached;
        }
        if (cached is ExceptionDispatchInfo failure) failure.Throw();
        return (JsonObject)((JsonObject)cached!).DeepClone();
    }
}
