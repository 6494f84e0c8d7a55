using System.Text.Json;

namespace Satchel.Plugins;

/// <summary>The "options" object given to a plugin in plugins.json (empty when absent).</summary>
public sealed class PluginOptions(JsonElement? raw)
{
    public JsonElement? Raw { get; } = raw;

    public T? Get<T>(string name, T? fallback = default)
    {
        if (Raw is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty(name, out var v))
            return fallback;
        return v.Deserialize<T>() ?? fallback;
    }
}
