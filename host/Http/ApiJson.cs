using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Errors;

namespace Satchel.Http;

/// <summary>Writes JSON responses and PocketBase's error body.</summary>
public static class ApiJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new Satchel.Records.RecordJsonConverter() },
    };

    public static Task Write(HttpContext http, int status, object? body)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        return body switch
        {
            JsonNode node => http.Response.WriteAsync(node.ToJsonString(Options)),
            _ => http.Response.WriteAsync(JsonSerializer.Serialize(body, Options)),
        };
    }

    public static Task NoContent(HttpContext http)
    {
        http.Response.StatusCode = StatusCodes.Status204NoContent;
        return Task.CompletedTask;
    }

    public static object ErrorBody(ApiException e) => new Dictionary<string, object>
    {
        ["data"] = e.Data,
        ["message"] = e.Message,
        ["status"] = e.Status,
    };

    public static Task WriteError(HttpContext http, ApiException e) => Write(http, e.Status, ErrorBody(e));
}
