using System.CommandLine;

namespace Satchel.Cli;

/// <summary>Flags every command accepts (PocketBase's persistent flags, plus --plugins).</summary>
public static class GlobalOptions
{
    public static readonly Option<string> Dir = new("--dir")
    {
        Description = "the PocketBase data directory",
        DefaultValueFactory = _ => "pb_data",
        Recursive = true,
    };

    public static readonly Option<bool> Dev = new("--dev")
    {
        Description = "enable dev mode, aka. printing logs and sql statements to the console",
        Recursive = true,
    };

    public static readonly Option<string?> EncryptionEnv = new("--encryptionEnv")
    {
        Description = "the env variable whose value of 32 characters will be used as encryption key for the app settings (default none)",
        Recursive = true,
    };

    public static readonly Option<string?> Plugins = new("--plugins")
    {
        Description = "the plugins.json to load (default: the one beside satchel.dll)",
        Recursive = true,
    };

    /// <summary>The key named by --encryptionEnv, validated; null when the flag is absent.</summary>
    public static string? ResolveEncryptionKey(string? envName)
    {
        if (string.IsNullOrEmpty(envName)) return null;
        var key = Environment.GetEnvironmentVariable(envName) ?? "";
        if (key.Length != 32)
            throw new CliException($"the --encryptionEnv variable {envName} must hold exactly 32 characters");
        return key;
    }
}
