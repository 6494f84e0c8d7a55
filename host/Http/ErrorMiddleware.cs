using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Satchel.Errors;

namespace Satchel.Http;

/// <summary>
/// Turns every failure into PocketBase's error body. Unexpected exceptions are logged with their
/// detail and answered with a generic 400/500 message: no stack trace or SQL reaches the client.
/// </summary>
public sealed class ErrorMiddleware(RequestDelegate next, ILogger<ErrorMiddleware> log)
{
    public async Task InvokeAsync(HttpContext http)
    {
        try
        {
            await next(http);
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            var api = Translate(ex);
            if (api.Status >= 500) log.LogError(ex, "request {Method} {Path} failed", http.Request.Method, http.Request.Path);
            http.Response.Clear();
            await ApiJson.WriteError(http, api);
        }
    }

    public static ApiException Translate(Exception ex) => ex switch
    {
        ApiException api => api,
        BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => ApiException.TooLarge(),
        BadHttpRequestException => ApiException.BadRequest(),
        JsonException => ApiException.BadRequest("Failed to load the submitted data due to invalid formatting."),
        InvalidDataException => ApiException.BadRequest("Failed to load the submitted data due to invalid formatting."),
        OperationCanceledException => new ApiException(400, "The request was cancelled."),
        _ => new ApiException(500, "Something went wrong while processing your request."),
    };
}
