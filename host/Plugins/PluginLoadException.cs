namespace Satchel.Plugins;

/// <summary>A plugin that could not be found, loaded or configured; stops the start.</summary>
public sealed class PluginLoadException(string plugin, string reason, Exception? inner = null)
    : Exception($"plugin \"{plugin}\": {reason}", inner)
{
    public string Plugin { get; } = plugin;
}
