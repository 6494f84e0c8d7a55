using Autofac;
using McMaster.NETCore.Plugins;
using Satchel.Hooks;

namespace Satchel.Plugins;

/// <summary>A plugin instance with the entry it came from.</summary>
public sealed record LoadedPlugin(PluginEntry Entry, IPlugin Instance, PluginLoader? Loader);

/// <summary>
/// Loads each enabled plugin of plugins.json into its own load context. Only the contract
/// (Satchel.Abstractions, Autofac) and the framework are shared with the host; everything
/// else a plugin depends on is its own, so two plugins may use different versions of a package.
/// Disabled plugins are never touched.
/// </summary>
public static class PluginHost
{
    /// <summary>Types whose assemblies the host and every plugin must share.</summary>
    private static readonly Type[] SharedTypes =
    {
        typeof(IPlugin), typeof(HookEvent), typeof(ContainerBuilder),
        typeof(Microsoft.Extensions.Logging.ILogger),
    };

    public static IReadOnlyList<LoadedPlugin> LoadAll(PluginManifest manifest)
    {
        var result = new List<LoadedPlugin>();
        foreach (var entry in manifest.Entries.Where(e => e.Enabled))
            result.Add(Load(manifest, entry));
        return result;
    }

    private static LoadedPlugin Load(PluginManifest manifest, PluginEntry entry)
    {
        var path = manifest.ResolveAssemblyPath(entry);
        if (!File.Exists(path)) throw new PluginLoadException(entry.Name, $"assembly not found: {path}");

        PluginLoader loader;
        System.Reflection.Assembly assembly;
        try
        {
            loader = PluginLoader.CreateFromAssemblyFile(path, SharedTypes, config => config.PreferSharedTypes = false);
            assembly = loader.LoadDefaultAssembly();
        }
        catch (Exception e)
        {
            throw new PluginLoadException(entry.Name, $"failed to load {path}: {e.Message}", e);
        }

        Type[] types;
        try { types = assembly.GetExportedTypes(); }
        catch (Exception e) { throw new PluginLoadException(entry.Name, $"failed to read its types: {e.Message}", e); }

        var pluginTypes = types.Where(t => typeof(IPlugin).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false }).ToList();
        if (pluginTypes.Count != 1)
            throw new PluginLoadException(entry.Name, $"{Path.GetFileName(path)} must export exactly one IPlugin implementation (found {pluginTypes.Count})");

        IPlugin instance;
        try { instance = (IPlugin)Activator.CreateInstance(pluginTypes[0])!; }
        catch (Exception e) { throw new PluginLoadException(entry.Name, $"constructor failed: {(e.InnerException ?? e).Message}", e); }

        if (instance.Name != entry.Name)
            throw new PluginLoadException(entry.Name, $"the assembly's plugin is named \"{instance.Name}\"");
        return new LoadedPlugin(entry, instance, loader);
    }
}
