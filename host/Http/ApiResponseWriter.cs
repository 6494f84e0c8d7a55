using Microsoft.AspNetCore.Http;

namespace Satchel.Http;

/// <summary>The <see cref="IResponseWriter"/> plugins use: the same JSON output as the core endpoints.</summary>
public sealed class ApiResponseWriter : IResponseWriter
{
    public Task WriteAsync(HttpContext http, int status, object? body)
    {
        if (http.Response.HasStarted) return Task.CompletedTask;
        if (body == null)
        {
            http.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        return ApiJson.Write(http, status, body);
    }
}
