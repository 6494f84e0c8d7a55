namespace Satchel.Http;

/// <summary>What `serve` was asked for.</summary>
public sealed record ServeOptions
{
    /// <summary>host:port to listen on.</summary>
    public string Http { get; init; } = "127.0.0.1:8090";
    public string Dir { get; init; } = "pb_data";
    public bool Dev { get; init; }
    /// <summary>Name of the environment variable holding the 32-character settings encryption key.</summary>
    public string? EncryptionEnv { get; init; }
    /// <summary>CORS allowed origins ("*" by default).</summary>
    public IReadOnlyList<string> Origins { get; init; } = new[] { "*" };
    /// <summary>plugins.json to load (default: the one beside satchel.dll).</summary>
    public string? PluginsFile { get; init; }
}
