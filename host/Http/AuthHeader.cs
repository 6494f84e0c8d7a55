using Microsoft.AspNetCore.Http;

namespace Satchel.Http;

/// <summary>The token of the Authorization header: "TOKEN" or "Bearer TOKEN".</summary>
public static class AuthHeader
{
    public static string Token(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString().Trim();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : header;
    }
}
