using Microsoft.AspNetCore.Routing;

namespace Satchel.Plugins;

/// <summary>What a plugin sees of the host while it configures itself.</summary>
public interface IPluginContext
{
    /// <summary>The app facade: data, settings, hooks.</summary>
    IApp App { get; }

    /// <summary>The options object from plugins.json.</summary>
    PluginOptions Options { get; }

    /// <summary>Routes under the server root; plugins map their endpoints here (e.g. "/api/collections/{collection}/auth-with-password").</summary>
    IEndpointRouteBuilder Routes { get; }

    /// <summary>Resolves a service registered by the host or any plugin.</summary>
    T Resolve<T>() where T : notnull;
}
