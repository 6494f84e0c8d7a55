using System.Text;
using System.Text.Json.Nodes;

namespace Satchel.Tests.Auth;

/// <summary>One answer of the API: status and parsed JSON body (null when empty).</summary>
public sealed record ApiAnswer(int Status, JsonNode? Body, string Raw)
{
    public JsonObject Json => Body as JsonObject ?? throw new InvalidOperationException($"not a JSON object: {Raw}");
    public override string ToString() => $"{Status} {Raw}";
}

/// <summary>Sends JSON requests with an optional auth token.</summary>
public static class AuthHttp
{
    public static Task<ApiAnswer> PostAsync(HttpClient client, string url, object? body = null, string? token = null)
        => SendAsync(client, HttpMethod.Post, url, body switch
        {
            null => null,
            string raw => new StringContent(raw, Encoding.UTF8, "application/json"),
            HttpContent content => content,
            _ => new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        }, token);

    public static Task<ApiAnswer> GetAsync(HttpClient client, string url, string? token = null)
        => SendAsync(client, HttpMethod.Get, url, null, token);

    private static async Task<ApiAnswer> SendAsync(HttpClient client, HttpMethod method, string url, HttpContent? content, string? token)
    {
        using var request = new HttpRequestMessage(method, url) { Content = content };
        if (token != null) request.Headers.TryAddWithoutValidation("Authorization", token);
        using var response = await client.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        return new ApiAnswer((int)response.StatusCode, raw.Length == 0 ? null : JsonNode.Parse(raw), raw);
    }
}
