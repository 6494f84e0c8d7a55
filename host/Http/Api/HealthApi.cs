using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Satchel.Http.Api;

/// <summary>GET|HEAD /api/health</summary>
public static class HealthApi
{
    public static void Map(WebApplication web)
    {
        web.MapMethods("/api/health", new[] { "GET", "HEAD" }, (HttpContext http) =>
        {
            var data = new Dictionary<string, object>();
            if (http.IsSuperuser())
            {
                data["canBackup"] = true;
                data["realIP"] = http.Connection.RemoteIpAddress?.ToString() ?? "";
                data["possibleProxyHeader"] = "";
            }
            var body = new Dictionary<string, object> { ["code"] = 200, ["message"] = "API is healthy.", ["data"] = data };
            return ApiJson.Write(http, 200, body);
        });
    }
}
