using Autofac;

namespace Satchel.Plugins;

/// <summary>
/// Entry point of a plugin assembly. The host creates one instance per enabled plugin,
/// calls <see cref="Register"/> while it builds the container and <see cref="Configure"/>
/// once the app exists, in plugins.json order.
/// </summary>
public interface IPlugin
{
    /// <summary>The name used in plugins.json.</summary>
    string Name { get; }

    /// <summary>Registers the plugin's services (Autofac module style).</summary>
    void Register(ContainerBuilder builder, PluginOptions options) { }

    /// <summary>Binds hooks and maps routes.</summary>
    void Configure(IPluginContext context);
}
