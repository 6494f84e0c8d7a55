using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;
using Satchel.Errors;
using Satchel.Hooks;

namespace Satchel.Http.Batch;

/// <summary>What one sub-request answered: its status and its JSON body (null when it had none).</summary>
public sealed record InternalResponse(int Status, JsonNode? Body)
{
    public bool Failed => Status >= StatusCodes.Status400BadRequest;
}

/// <summary>
/// Runs one batch sub-request through the endpoint routing would pick for it, in a fresh
/// HttpContext that carries the batch request's auth, connection and headers (its own headers on
/// top, except Authorization) and its own method, URL and body. Handlers, hooks and rules therefore
/// behave exactly as for a direct request. Thrown errors become PocketBase's error body.
/// </summary>
public sealed class InternalRequestRunner(EndpointMatcher matcher, ILogger logger)
{
    private const string FormBoundary = "satchel-batch";
    private static readonly HashSet<string> BodyHeaders = new(StringComparer.OrdinalIgnoreCase)
        { HeaderNames.ContentType, HeaderNames.ContentLength, HeaderNames.TransferEncoding, HeaderNames.ContentEncoding };

    public async Task<InternalResponse> RunAsync(HttpContext parent, InternalRequest request, CancellationToken ct)
    {
        var http = CreateContext(parent, request, ct);
        var match = matcher.Match(http.Request.Method, http.Request.Path);
        if (match == null) return Error(ApiException.NotFound());

        var (endpoint, values) = match.Value;
        http.SetEndpoint(endpoint);
        http.Request.RouteValues = values;
        try
        {
            await endpoint.RequestDelegate!(http);
        }
        catch (Exception e)
        {
            var api = ErrorMiddleware.Translate(e);
            if (api.Status >= 500) logger.LogError(e, "batch request {Method} {Url} failed", request.Method, request.Url);
            return Error(api);
        }

        var output = (MemoryStream)http.Response.Body;
        JsonNode? body = null;
        if (output.Length > 0)
        {
            try { body = JsonNode.Parse(output.ToArray()); }
            catch (JsonException) { body = JsonValue.Create(Encoding.UTF8.GetString(output.ToArray())); }
        }
        return new InternalResponse(http.Response.StatusCode, body);
    }

    private static InternalResponse Error(ApiException e)
        => new(e.Status, JsonSerializer.SerializeToNode(ApiJson.ErrorBody(e), ApiJson.Options));

    private static DefaultHttpContext CreateContext(HttpContext parent, InternalRequest request, CancellationToken ct)
    {
        var http = new DefaultHttpContext { RequestServices = parent.RequestServices, RequestAborted = ct, User = parent.User };
        var req = http.Request;
        var queryStart = request.Url.IndexOf('?');
        req.Method = request.Method.ToUpperInvariant();
        req.Scheme = parent.Request.Scheme;
        req.Host = parent.Request.Host;
        req.Protocol = parent.Request.Protocol;
        req.PathBase = parent.Request.PathBase;
        req.Path = PathString.FromUriComponent(queryStart < 0 ? request.Url : request.Url[..queryStart]);
        req.QueryString = queryStart < 0 ? QueryString.Empty : new QueryString(request.Url[queryStart..]);

        foreach (var (name, value) in parent.Request.Headers)
        {
            if (!BodyHeaders.Contains(name)) req.Headers[name] = value;
        }
        foreach (var (name, value) in request.Headers)
        {
            // Every sub-request has the batch's auth state.
            if (name.Equals(HeaderNames.Authorization, StringComparison.OrdinalIgnoreCase) || BodyHeaders.Contains(name)) continue;
            req.Headers[name] = value;
        }

        var connection = http.Connection;
        connection.RemoteIpAddress = parent.Connection.RemoteIpAddress;
        connection.RemotePort = parent.Connection.RemotePort;
        connection.LocalIpAddress = parent.Connection.LocalIpAddress;
        connection.LocalPort = parent.Connection.LocalPort;

        // Only the auth state carries over: the other items (a read body, …) belong to the batch request.
        http.SetAuth(parent.GetAuth());

        SetBody(http, request.Body);
        http.Response.Body = new MemoryStream();
        return http;
    }

    /// <summary>JSON for plain values; with files, a ready-made form: the values under "@jsonPayload" plus the file parts.</summary>
    private static void SetBody(DefaultHttpContext http, Dictionary<string, object?> body)
    {
        var values = new JsonObject();
        var files = new FormFileCollection();
        foreach (var (key, value) in body)
        {
            switch (value)
            {
                case IFormFile file:
                    files.Add(file.Name == key ? file : new RenamedFormFile(file, key));
                    break;
                case IEnumerable<IFormFile> many:
                    foreach (var file in many) files.Add(file.Name == key ? file : new RenamedFormFile(file, key));
                    break;
                case JsonNode node:
                    values[key] = node.DeepClone();
                    break;
                default:
                    values[key] = JsonSerializer.SerializeToNode(value, ApiJson.Options);
                    break;
            }
        }

        var json = Encoding.UTF8.GetBytes(values.ToJsonString(ApiJson.Options));
        if (files.Count == 0)
        {
            http.Request.ContentType = "application/json";
            http.Request.ContentLength = json.Length;
            http.Request.Body = new MemoryStream(json);
            return;
        }

        http.Request.ContentType = "multipart/form-data; boundary=" + FormBoundary;
        http.Request.Body = Stream.Null;
        var fields = new Dictionary<string, Microsoft.Extensions.Primitives.StringValues> { ["@jsonPayload"] = Encoding.UTF8.GetString(json) };
        http.Features.Set<IFormFeature>(new FormFeature(new FormCollection(fields, files)));
    }
}
