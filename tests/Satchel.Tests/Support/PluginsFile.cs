using System.Text.Json.Nodes;

namespace Satchel.Tests.Support;

/// <summary>Writes a plugins.json for a test: entries in order, each with an optional path and options.</summary>
public sealed class PluginsFile
{
    private readonly JsonArray _entries = new();

    public PluginsFile Add(string name, bool enabled = true, string? path = null, JsonObject? options = null)
    {
        var entry = new JsonObject { ["name"] = name, ["enabled"] = enabled };
        if (path != null) entry["path"] = path;
        if (options != null) entry["options"] = options;
        _entries.Add(entry);
        return this;
    }

    /// <summary>A test plugin from tests/plugins, by its published dll.</summary>
    public PluginsFile AddTestPlugin(string name, bool enabled = true, JsonObject? options = null)
        => Add(name, enabled, RepoPaths.TestPlugin(name), options);

    /// <summary>Saves to <paramref name="dir"/>/plugins.json and returns the path.</summary>
    public string WriteTo(string dir)
    {
        var path = Path.Combine(dir, "plugins.json");
        File.WriteAllText(path, new JsonObject { ["plugins"] = _entries.DeepClone() }.ToJsonString(new() { WriteIndented = true }));
        return path;
    }
}
