using Microsoft.AspNetCore.Http;
using Satchel.Hooks;

namespace Satchel.Http;

/// <summary>Writes the answer a request hook chain settled on (unless a handler already wrote one).</summary>
public static class RequestEventResponse
{
    public static Task WriteAsync(RequestEvent e)
    {
        if (e.Http.Response.HasStarted) return Task.CompletedTask;
        if (e.Response == null)
        {
            e.Http.Response.StatusCode = e.Status;
            return Task.CompletedTask;
        }
        return ApiJson.Write(e.Http, e.Status, e.Response);
    }
}
