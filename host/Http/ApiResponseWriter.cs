using Satchel.Hooks;

namespace Satchel.Http;

/// <summary>The <see cref="IResponseWriter"/> given to plugins: the same output as the core endpoints.</summary>
public sealed class ApiResponseWriter : IResponseWriter
{
    public Task WriteAsync(RequestEvent e) => RequestEventResponse.WriteAsync(e);
}
