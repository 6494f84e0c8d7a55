using System.CommandLine;
using Satchel.Core;
using Satchel.Data.Migrations;
using Satchel.Hooks;
using Satchel.Http;
using Satchel.Plugins;

namespace Satchel.Cli;

/// <summary>
/// `serve`: opens pb_data, loads the plugins, applies pending migrations and runs the web server.
/// On SIGINT/SIGTERM it stops accepting connections, lets in-flight requests finish (up to the
/// host's shutdown timeout), then closes the databases (checkpointing the WAL) and exits 0.
/// </summary>
public static class ServeCommand
{
    private static readonly Option<string> Http = new("--http")
    {
        Description = "TCP address to listen for the HTTP server",
        DefaultValueFactory = _ => "127.0.0.1:8090",
    };

    private static readonly Option<string[]> Origins = new("--origins")
    {
        Description = "CORS allowed domain origins list",
        DefaultValueFactory = _ => new[] { "*" },
        AllowMultipleArgumentsPerToken = true,
    };

    public static Command Create()
    {
        var cmd = new Command("serve", "Starts the web server (default to 127.0.0.1:8090 if no domain is specified)");
        cmd.Options.Add(Http);
        cmd.Options.Add(Origins);
        cmd.SetAction(async (parse, cancel) =>
        {
            var options = new ServeOptions
            {
                Http = parse.GetValue(Http)!,
                Dir = parse.GetValue(GlobalOptions.Dir)!,
                Dev = parse.GetValue(GlobalOptions.Dev),
                EncryptionEnv = parse.GetValue(GlobalOptions.EncryptionEnv),
                Origins = (parse.GetValue(Origins) ?? new[] { "*" }).SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
                PluginsFile = parse.GetValue(GlobalOptions.Plugins),
            };
            return await RunAsync(options);
        });
        return cmd;
    }

    public static async Task<int> RunAsync(ServeOptions options)
    {
        SatchelApp? app = null;
        try
        {
            ListenAddress.Parse(options.Http);
            var key = GlobalOptions.ResolveEncryptionKey(options.EncryptionEnv);
            var manifest = PluginManifest.Load(options.PluginsFile ?? PluginManifest.DefaultPath);
            var plugins = PluginHost.LoadAll(manifest);

            app = new SatchelApp(options.Dir, options.Dev, key);
            var web = SatchelServer.Build(app, plugins, options);
            var started = app;
            started.Hooks.OnBootstrap.Trigger(new BootstrapEvent(started), _ =>
            {
                started.Bootstrap();
                if (new MigrationRunner(started, SystemMigrations.WithPlugins(plugins)).Up().Count > 0) started.Reload();
            });
            started.Hooks.OnServe.Trigger(new ServeEvent(started, web), _ => { });
            Console.WriteLine($"Server started at http://{options.Http}");
            Console.WriteLine($"├─ REST API:  http://{options.Http}/api/");
            await web.RunAsync();
            started.Hooks.OnTerminate.Trigger(new TerminateEvent(started), _ => { });
            return 0;
        }
        catch (Exception e) when (e is PluginLoadException or CliException or ArgumentException or MigrationException or Settings.SettingsLoadException)
        {
            Console.Error.WriteLine($"Error: {e.Message}");
            return 1;
        }
        catch (IOException e)
        {
            Console.Error.WriteLine($"Error: {e.Message}");
            return 1;
        }
        finally
        {
            app?.Dispose();
        }
    }
}
