using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Satchel.Tests.Settings;

/// <summary>Requests against a running server with the fixture's long-lived tokens.</summary>
public static class SettingsHttp
{
    /// <summary>The fixture superuser (test@example.com); expires in 2049.</summary>
    public const string SuperuserToken =
        "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6InN5d2JoZWNuaDQ2cmhtMCIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoicGJjXzMxNDI2MzU4MjMiLCJleHAiOjI1MjQ2MDQ0NjEsInJlZnJlc2hhYmxlIjp0cnVlfQ.UXgO3j-0BumcugrFjbd7j0M4MQvbrLggLlcu_YNGjoY";

    /// <summary>A fixture "users" record; expires in 2049.</summary>
    public const string UserToken =
        "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6IjRxMXhsY2xtZmxva3UzMyIsInR5cGUiOiJhdXRoIiwiY29sbGVjdGlvbklkIjoiX3BiX3VzZXJzX2F1dGhfIiwiZXhwIjoyNTI0NjA0NDYxLCJyZWZyZXNoYWJsZSI6dHJ1ZX0.ZT3F0Z3iM-xbGgSG3LEKiEzHrPHr8t8IuHLZGGNuxLo";

    public static async Task<(int Status, JsonNode? Body)> SendAsync(HttpClient client, HttpMethod method, string url, string? token, string? json = null)
    {
        using var req = new HttpRequestMessage(method, url);
        if (token != null) req.Headers.Authorization = new AuthenticationHeaderValue(token);
        if (json != null) req.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var res = await client.SendAsync(req);
        var text = await res.Content.ReadAsStringAsync();
        return ((int)res.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>The error code at a dotted path under the error body's "data".</summary>
    public static string? CodeAt(JsonNode? body, string path)
    {
        var node = body?["data"];
        foreach (var part in path.Split('.')) node = node?[part];
        return (string?)node?["code"];
    }
}
