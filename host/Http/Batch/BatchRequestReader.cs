using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Models.Fields;

namespace Satchel.Http.Batch;

/// <summary>
/// Reads a batch body — JSON {"requests":[…]}, or multipart with the same JSON under "@jsonPayload"
/// and file parts named "requests.N.field" / "requests[N].field" — and checks it as PocketBase does.
/// </summary>
public static partial class BatchRequestReader
{
    public const int MaxUrlLength = 2000;
    private const string ReadFailed = "Failed to read the submitted batch data.";
    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    public static async Task<List<InternalRequest>> ReadAsync(HttpContext http, long maxBodySize, int maxRequests)
    {
        if (http.Request.HasFormContentType)
        {
            // The JSON payload of a big batch easily passes the default 4 MB form value limit.
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions
            {
                ValueLengthLimit = (int)Math.Min(int.MaxValue, maxBodySize),
                MultipartBodyLengthLimit = maxBodySize,
            }));
        }

        JsonObject body;
        try { body = await http.ReadBodyAsync(); }
        catch (ApiException e) when (e.Status == StatusCodes.Status400BadRequest) { throw ApiException.BadRequest(ReadFailed); }

        var requests = Bind(body["requests"]);
        if (http.Request.HasFormContentType) AttachFiles(http.Request.Form.Files, requests);
        Validate(requests, maxRequests);
        return requests;
    }

    private static List<InternalRequest> Bind(JsonNode? node)
    {
        if (node == null) return new List<InternalRequest>();
        if (node is not JsonArray items) throw ApiException.BadRequest(ReadFailed);
        var result = new List<InternalRequest>();
        foreach (var item in items)
        {
            if (item == null) { result.Add(new InternalRequest()); continue; }
            if (item is not JsonObject obj) throw ApiException.BadRequest(ReadFailed);
            var request = new InternalRequest
            {
                Method = Text(obj["method"]),
                Url = Text(obj["url"]),
            };
            if (obj["headers"] is JsonObject headers)
            {
                foreach (var (k, v) in headers) request.Headers[k] = Text(v);
            }
            else if (obj["headers"] != null) throw ApiException.BadRequest(ReadFailed);

            if (obj["body"] is JsonObject values)
            {
                foreach (var (k, v) in values) request.Body[k] = v?.DeepClone();
            }
            else if (obj["body"] != null) throw ApiException.BadRequest(ReadFailed);
            result.Add(request);
        }
        return result;
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw ApiException.BadRequest(ReadFailed),
    };

    /// <summary>Puts "requests.N.field" files into request N's body under "field" (as a list of files).</summary>
    private static void AttachFiles(IFormFileCollection files, List<InternalRequest> requests)
    {
        foreach (var file in files)
        {
            var m = FileKey().Match(file.Name);
            if (!m.Success || !int.TryParse(m.Groups["index"].Value, out var index) || index >= requests.Count) continue;
            var field = m.Groups["field"].Value;
            var body = requests[index].Body;
            if (body.GetValueOrDefault(field) is not List<IFormFile> list) body[field] = list = new List<IFormFile>();
            list.Add(new RenamedFormFile(file, field));
        }
    }

    private static void Validate(List<InternalRequest> requests, int maxRequests)
    {
        var errors = new ValidationErrors();
        if (requests.Count == 0) errors.Add("requests", FieldErrors.Required());
        else if (requests.Count > maxRequests) errors.Add("requests", FieldErrors.Length(0, maxRequests));
        else
        {
            var items = new ValidationErrors();
            for (var i = 0; i < requests.Count; i++)
            {
                var itemErrors = new ValidationErrors();
                var r = requests[i];
                if (r.Method == "") itemErrors.Add("method", FieldErrors.Required());
                else if (!Methods.Contains(r.Method, StringComparer.Ordinal)) itemErrors.Add("method", FieldErrors.InInvalid());
                if (r.Url == "") itemErrors.Add("url", FieldErrors.Required());
                else if (r.Url.Length > MaxUrlLength) itemErrors.Add("url", FieldErrors.Length(0, MaxUrlLength));
                items.AddNested(i.ToString(), itemErrors);
            }
            errors.AddNested("requests", items);
        }
        errors.ThrowIfAny("Invalid batch request data.");
    }

    [GeneratedRegex(@"^requests(?:\.(?<index>[0-9]+)\.|\[(?<index>[0-9]+)\]\.)(?<field>.+)$")]
    private static partial Regex FileKey();
}
