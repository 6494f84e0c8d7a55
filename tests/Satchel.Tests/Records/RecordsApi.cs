using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Satchel.Tests.Records;

/// <summary>One answer of the API: status and parsed JSON body (null when empty).</summary>
public sealed record Answer(int Status, JsonNode? Body, string Raw)
{
    public JsonObject Json => Body as JsonObject ?? throw new InvalidOperationException($"not a JSON object: {Raw}");

    public JsonArray Items => Json["items"]!.AsArray();

    /// <summary>The ids of a list answer's items, in order.</summary>
    public List<string> Ids => Items.Select(i => i!["id"]!.GetValue<string>()).ToList();

    public string? Str(string key) => Json[key]?.GetValue<string>();

    /// <summary>The error code of a field in a 400 answer's data.</summary>
    public string? ErrorCode(string field) => Json["data"]?[field]?["code"]?.GetValue<string>();

    public override string ToString() => $"{Status} {Raw}";
}

/// <summary>Requests to a running server with an optional Authorization token.</summary>
public sealed class RecordsApi(HttpClient client)
{
    public Task<Answer> Get(string url, string? token = null) => Send(HttpMethod.Get, url, null, token);

    public Task<Answer> Post(string url, object? body, string? token = null) => Send(HttpMethod.Post, url, Content(body), token);

    public Task<Answer> Patch(string url, object? body, string? token = null) => Send(HttpMethod.Patch, url, Content(body), token);

    public Task<Answer> Delete(string url, string? token = null) => Send(HttpMethod.Delete, url, null, token);

    public async Task<Answer> Send(HttpMethod method, string url, HttpContent? content, string? token)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (token != null) request.Headers.TryAddWithoutValidation("Authorization", token);
        using var response = await client.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        JsonNode? body = null;
        if (raw.Length > 0)
        {
            try { body = JsonNode.Parse(raw); }
            catch (JsonException) { }
        }
        return new Answer((int)response.StatusCode, body, raw);
    }

    /// <summary>Signs in with auth-with-password and returns the token.</summary>
    public async Task<string> SignIn(string collection, string identity, string password = "1234567890")
    {
        var answer = await Post($"/api/collections/{collection}/auth-with-password", new { identity, password });
        if (answer.Status != 200) throw new InvalidOperationException($"sign-in of {identity} failed: {answer}");
        return answer.Json["token"]!.GetValue<string>();
    }

    /// <summary>A token for any auth record, made by a superuser impersonating it.</summary>
    public async Task<string> Impersonate(string collection, string id)
    {
        var answer = await Post($"/api/collections/{collection}/impersonate/{id}", new { }, Fixture.Superuser);
        if (answer.Status != 200) throw new InvalidOperationException($"impersonating {collection}/{id} failed: {answer}");
        return answer.Json["token"]!.GetValue<string>();
    }

    private static HttpContent? Content(object? body) => body switch
    {
        null => null,
        HttpContent content => content,
        string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
        _ => new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
    };

    /// <summary>A multipart/form-data body of text parts (repeated keys allowed).</summary>
    public static MultipartFormDataContent Form(params (string Key, string Value)[] parts)
    {
        var form = new MultipartFormDataContent();
        foreach (var (key, value) in parts) form.Add(new StringContent(value), key);
        return form;
    }

    /// <summary>A multipart part carrying a file.</summary>
    public static void AddFile(MultipartFormDataContent form, string key, string fileName, string text)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, key, fileName);
    }
}
