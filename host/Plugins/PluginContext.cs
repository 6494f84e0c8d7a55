using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Satchel.Plugins;

/// <summary>The host side of <see cref="IPluginContext"/>.</summary>
internal sealed class PluginContext(IApp app, WebApplication web, PluginEntry entry) : IPluginContext
{
    public IApp App => app;
    public PluginOptions Options { get; } = new(entry.Options);
    public IEndpointRouteBuilder Routes => web;
    public T Resolve<T>() where T : notnull => web.Services.GetRequiredService<T>();
}
