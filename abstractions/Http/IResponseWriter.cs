using Microsoft.AspNetCore.Http;

namespace Satchel.Http;

/// <summary>Writes an answer with the host's JSON conventions (the same ones the core API uses).</summary>
public interface IResponseWriter
{
    /// <summary>Writes <paramref name="body"/> as JSON with <paramref name="status"/>; a null body writes no content. Does nothing once the response has started.</summary>
    Task WriteAsync(HttpContext http, int status, object? body);
}
