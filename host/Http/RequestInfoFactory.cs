using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Errors;
using Satchel.Rules.Resolvers;

namespace Satchel.Http;

/// <summary>
/// The <c>@request.*</c> data of an HTTP request for API rules: first value of each query
/// parameter and header, the body, the auth record, the method and the request context.
/// </summary>
public static class RequestInfoFactory
{
    public static RequestInfo From(HttpContext http) => new()
    {
        Context = http.GetRequestContext(),
        Method = http.Request.Method.ToUpperInvariant(),
        Query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.FirstOrDefault() ?? "", StringComparer.Ordinal),
        Headers = http.Request.Headers
            .GroupBy(h => RequestInfo.NormalizeHeaderName(h.Key))
            .ToDictionary(g => g.Key, g => g.First().Value.FirstOrDefault() ?? "", StringComparer.Ordinal),
        Body = Body(http),
        Auth = http.GetAuth(),
    };

    private static IReadOnlyDictionary<string, object?> Body(HttpContext http)
    {
        // Outside the request pipeline (no services) there is no body to offer.
        if (http.RequestServices == null) return new Dictionary<string, object?>();
        JsonObject body;
        try
        {
            // Endpoints that evaluate rules have normally read the body already, so this is served from the request's copy.
            body = http.ReadBodyAsync().GetAwaiter().GetResult();
        }
        catch (ApiException)
        {
            // An unreadable body offers no @request.body values.
            body = new JsonObject();
        }
        return body.ToDictionary(p => p.Key, p => (object?)p.Value, StringComparer.Ordinal);
    }
}
