using Autofac;
using Satchel.Plugins;

namespace Satchel.TestPlugins.Faulty;

/// <summary>Fails on purpose in the step named by its "failIn" option.</summary>
public sealed class FaultyPlugin : IPlugin
{
    public string Name => "faulty";

    public void Register(ContainerBuilder builder, PluginOptions options)
    {
        if (options.Get<string>("failIn") == "register") throw new InvalidOperationException("boom in Register");
    }

    public void Configure(IPluginContext context)
    {
        if (context.Options.Get<string>("failIn") == "configure") throw new InvalidOperationException("boom in Configure");
    }
}
