using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Errors;

namespace Satchel.Http;

/// <summary>
/// Reads a request body the way PocketBase accepts it: JSON, or multipart / url-encoded form
/// where repeated keys become arrays and an "@jsonPayload" value is merged in as JSON.
/// </summary>
public static class RequestBody
{
    public const string InvalidFormat = "Failed to load the submitted data due to invalid formatting.";

    /// <summary>The body as a JSON object (an empty body is an empty object).</summary>
    public static async Task<JsonObject> ReadObjectAsync(HttpContext http)
    {
        var req = http.Request;
        if (req.HasFormContentType)
        {
            var form = await req.ReadFormAsync(http.RequestAborted);
            var result = new JsonObject();
            foreach (var (key, values) in form)
            {
                if (key == "@jsonPayload")
                {
                    foreach (var payload in values)
                    {
                        if (Parse(payload ?? "") is not JsonObject obj) throw ApiException.BadRequest(InvalidFormat);
                        foreach (var (k, v) in obj.ToList()) { obj.Remove(k); result[k] = v; }
                    }
                    continue;
                }
                result[key] = values.Count == 1
                    ? JsonValue.Create(values[0])
                    : new JsonArray(values.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
            }
            return result;
        }

        using var reader = new StreamReader(req.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        if (string.IsNullOrWhiteSpace(text)) return new JsonObject();
        return Parse(text) as JsonObject ?? throw ApiException.BadRequest(InvalidFormat);
    }

    /// <summary>Deserialises the JSON body into <typeparamref name="T"/> (case-insensitive names).</summary>
    public static async Task<T> ReadAsync<T>(HttpContext http) where T : new()
    {
        var obj = await ReadObjectAsync(http);
        try
        {
            return obj.Deserialize<T>(new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? new T();
        }
        catch (JsonException)
        {
            throw ApiException.BadRequest(InvalidFormat);
        }
    }

    private static JsonNode? Parse(string text)
    {
        try { return JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }); }
        catch (JsonException) { throw ApiException.BadRequest(InvalidFormat); }
    }
}
