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
        // Termination signals are left to the web host, which stops accepting connections, lets
        // in-flight requests finish and returns, so the databases are closed cleanly.
        return await parsed.InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = null });
    }

    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("Satchel: a PocketBase-compatible backend in one process.");
        root.Options.Add(GlobalOptions.Dir);
        root.Options.Add(GlobalOptions.Dev);
        root.Options.Add(GlobalOptions.EncryptionEnv);
        root.Options.Add(GlobalOptions.Plugins);
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(SuperuserCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        return root;
    }
}
