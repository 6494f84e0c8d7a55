using Satchel.Plugins;

namespace Satchel.Plugins.AuthPassword;

public sealed class AuthPasswordPlugin : IPlugin
{
    public string Name => "auth-password";

    public void Configure(IPluginContext context)
    {
    }
}
