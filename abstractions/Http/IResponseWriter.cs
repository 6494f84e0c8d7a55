using Satchel.Hooks;

namespace Satchel.Http;

/// <summary>
/// Writes the answer a request hook chain settled on (the event's Status and Response) with the
/// host's JSON conventions, unless a handler already wrote the response itself. Plugin endpoints
/// use it so their answers look exactly like the core API's.
/// </summary>
public interface IResponseWriter
{
    Task WriteAsync(RequestEvent e);
}
