using System.CommandLine;

namespace Satchel.Cli;

/// <summary>
/// The command line, with PocketBase's commands and flags: serve, superuser, migrate.
/// A parse error prints one line to stderr and exits non-zero.
/// </summary>
public static class SatchelCli
{
    public static async Task<int> RunAsync(string[] args)
    {
        var root = BuildRoot();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            Console.Error.WriteLine($"Error: {parsed.Errors[0].Message} (see --help)");
            return 2;
        }
        return await parsed.InvokeAsync();
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Satchel: a PocketBase-compatible backend in one process.");
        root.Options.Add(GlobalOptions.Dir);
        root.Options.Add(GlobalOptions.Dev);
        root.Options.Add(GlobalOptions.EncryptionEnv);
        root.Options.Add(GlobalOptions.Plugins);
        root.Subcommands.Add(ServeCommand.Create());
        return root;
    }
}
