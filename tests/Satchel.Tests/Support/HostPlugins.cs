namespace Satchel.Tests.Support;

/// <summary>The real plugins laid out beside the built host, for plugins.json files that name them explicitly.</summary>
public static class HostPlugins
{
    public static string Path(string name) => System.IO.Path.Combine(RepoPaths.HostDir, "plugins", name, name + ".dll");

    /// <summary>Adds a host plugin (e.g. "mailer-smtp") by its laid-out assembly.</summary>
    public static PluginsFile AddHostPlugin(this PluginsFile file, string name, bool enabled = true) => file.Add(name, enabled, Path(name));
}
