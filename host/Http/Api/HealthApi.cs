using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Satchel.Http.RateLimit;

namespace Satchel.Http.Api;

/// <summary>GET|HEAD /api/health</summary>
public static class HealthApi
{
    private static readonly string[] CommonProxyHeaders = { "CF-Connecting-IP", "Fly-Client-IP", "X-Forwarded-For" };

    public static void Map(WebApplication web)
    {
        web.MapMethods("/api/health", new[] { "GET", "HEAD" }, (HttpContext http, IApp app) =>
        {
            var data = new Dictionary<string, object>();
            if (http.IsSuperuser())
            {
                var proxy = app.Settings.TrustedProxy;
                data["canBackup"] = true;
                data["realIP"] = ClientIp.Real(http, proxy);
                // A hint for the dashboard that the server may sit behind a proxy it doesn't trust yet.
                data["possibleProxyHeader"] = proxy.Headers.Concat(CommonProxyHeaders)
                    .FirstOrDefault(h => !string.IsNullOrEmpty(http.Request.Headers[h].ToString())) ?? "";
            }
            var body = new Dictionary<string, object> { ["code"] = 200, ["message"] = "API is healthy.", ["data"] = data };
            return ApiJson.Write(http, 200, body);
        });
    }
}
