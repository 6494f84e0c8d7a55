using System.Text.Json;

namespace Satchel.Plugins;

/// <summary>One entry of plugins.json.</summary>
public sealed record PluginEntry(string Name, bool Enabled, string? Path, JsonElement? Options);

/// <summary>
/// plugins.json: the plugins of a distribution in load order, either as
/// <c>{"plugins":[…]}</c> or as a bare array. Each entry: name, enabled (default true),
/// optional path (to the plugin's main dll, relative to the file) and optional options object.
/// </summary>
public sealed class PluginManifest
{
    public required string FilePath { get; init; }
    public required IReadOnlyList<PluginEntry> Entries { get; init; }

    /// <summary>The plugins.json beside satchel.dll, used when --plugins is not given.</summary>
    public static string DefaultPath => System.IO.Path.Combine(AppContext.BaseDirectory, "plugins.json");

    public static PluginManifest Load(string path)
    {
        if (!File.Exists(path)) throw new PluginLoadException("plugins.json", $"file not found: {path}");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }); }
        catch (JsonException e) { throw new PluginLoadException("plugins.json", $"invalid JSON in {path}: {e.Message}"); }

        using (doc)
        {
            var root = doc.RootElement;
            var list = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("plugins", out var p) ? p : root;
            if (list.ValueKind != JsonValueKind.Array) throw new PluginLoadException("plugins.json", "expected an array of plugins");

            var entries = new List<PluginEntry>();
            foreach (var item in list.EnumerateArray())
            {
                var name = item.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()! : "";
                if (name == "") throw new PluginLoadException("plugins.json", "every plugin needs a \"name\"");
                if (entries.Any(e => e.Name == name)) throw new PluginLoadException(name, "listed twice in plugins.json");
                var enabled = !item.TryGetProperty("enabled", out var en) || en.ValueKind != JsonValueKind.False;
                var pathValue = item.TryGetProperty("path", out var pa) && pa.ValueKind == JsonValueKind.String ? pa.GetString() : null;
                JsonElement? options = item.TryGetProperty("options", out var o) ? o.Clone() : null;
                entries.Add(new PluginEntry(name, enabled, pathValue, options));
            }
            return new PluginManifest { FilePath = Path.GetFullPath(path), Entries = entries };
        }
    }

    /// <summary>The main dll of a plugin: its "path", or plugins/&lt;name&gt;/&lt;name&gt;.dll beside plugins.json.</summary>
    public string ResolveAssemblyPath(PluginEntry entry)
    {
        var baseDir = System.IO.Path.GetDirectoryName(FilePath)!;
        return entry.Path is { Length: > 0 } p
            ? System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDir, p))
            : System.IO.Path.Combine(baseDir, "plugins", entry.Name, entry.Name + ".dll");
    }
}
