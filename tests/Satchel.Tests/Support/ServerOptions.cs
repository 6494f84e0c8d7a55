namespace Satchel.Tests.Support;

/// <summary>How a test wants its server: which pb_data and plugins, and any extra flags.</summary>
public sealed record ServerOptions
{
    /// <summary>Start from a writable copy of the PocketBase fixture (otherwise an empty pb_data).</summary>
    public bool FromFixture { get; init; }

    /// <summary>A plugins.json for --plugins (default: the one beside satchel.dll).</summary>
    public PluginsFile? Plugins { get; init; }

    /// <summary>Commands run on the data dir before the server starts (e.g. superuser upsert …).</summary>
    public IReadOnlyList<string[]> Before { get; init; } = Array.Empty<string[]>();

    public IReadOnlyList<string> ExtraArgs { get; init; } = Array.Empty<string>();

    /// <summary>Changes the pb_data folder (given as its path) before the server opens it.</summary>
    public Action<string>? PrepareData { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);
}
