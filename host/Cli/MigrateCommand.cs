using System.CommandLine;
using Satchel.Core;
using Satchel.Data.Migrations;
using Satchel.Plugins;

namespace Satchel.Cli;

/// <summary>
/// `migrate [up | down [N] | history-sync]`: applies or reverts the host's and the enabled
/// plugins' migrations. PocketBase's `create` and `collections` write JS migration files, which
/// need the JS runtime; they are answered with an error until it exists.
/// </summary>
public static class MigrateCommand
{
    private const string Usage = """
        Supported arguments are:
        - up            - runs all available migrations
        - down [number] - reverts the last [number] applied migrations
        - history-sync  - ensures that the _migrations history table doesn't have references to deleted migration files
        """;

    public static Command Create()
    {
        var action = new Argument<string?>("command") { Arity = ArgumentArity.ZeroOrOne, Description = "up (default), down or history-sync" };
        var count = new Argument<string?>("number") { Arity = ArgumentArity.ZeroOrOne, Description = "for down: how many migrations to revert (default 1, a negative number reverts all)" };
        var cmd = new Command("migrate", "Executes app DB migration scripts\n" + Usage);
        cmd.Arguments.Add(action);
        cmd.Arguments.Add(count);
        cmd.SetAction(parse => CliRun.Guarded(() =>
        {
            var name = parse.GetValue(action) ?? "up";
            var countText = parse.GetValue(count);
            if (name is "create" or "collections")
                throw new CliException($"migrate {name} writes JS migration files and needs the JS runtime, which this build does not have");
            if (name is not ("up" or "down" or "history-sync")) throw new CliException($"unsupported command: \"{name}\"");
            if (name != "down" && countText != null) throw new CliException($"unexpected argument \"{countText}\" for {name}");
            var revert = name == "down" ? ParseCount(countText) : 0;

            var manifest = PluginManifest.Load(parse.GetValue(GlobalOptions.Plugins) ?? PluginManifest.DefaultPath);
            var plugins = PluginHost.LoadAll(manifest);
            using var app = CliApp.Open(parse);
            var runner = new MigrationRunner(app, SystemMigrations.WithPlugins(plugins));
            return name switch
            {
                "up" => Up(app, runner),
                "down" => Down(app, runner, revert),
                _ => HistorySync(runner),
            };
        }));
        return cmd;
    }

    /// <summary>The N of `down N`: 1 when absent, every migration when negative.</summary>
    private static int ParseCount(string? text)
    {
        if (text == null) return 1;
        if (!int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n))
            throw new CliException($"invalid number of migrations to revert: \"{text}\"");
        return n < 0 ? int.MaxValue : n;
    }

    private static int Up(SatchelApp app, MigrationRunner runner)
    {
        var applied = runner.Up();
        if (applied.Count == 0) { Console.WriteLine("No new migrations to apply."); return 0; }
        app.Reload();
        foreach (var f in applied) Console.WriteLine($"Applied {f}");
        return 0;
    }

    /// <summary>Asks before reverting, as PocketBase does; no answer (e.g. stdin closed) cancels.</summary>
    private static int Down(SatchelApp app, MigrationRunner runner, int count)
    {
        var names = runner.LastApplied(count);
        if (names.Count == 0) { Console.WriteLine("No migrations to revert."); return 0; }
        Console.Error.Write($"\n{string.Join("\n", names)}\nDo you really want to revert the last {names.Count} applied migration(s)? (y/N) ");
        var answer = (Console.In.ReadLine() ?? "").Trim().ToLowerInvariant();
        Console.Error.WriteLine();
        if (answer is not ("y" or "yes")) { Console.WriteLine("The command has been cancelled"); return 0; }

        var reverted = runner.Down(names.Count);
        app.Reload();
        foreach (var f in reverted) Console.WriteLine($"Reverted {f}");
        return 0;
    }

    private static int HistorySync(MigrationRunner runner)
    {
        runner.HistorySync();
        Console.WriteLine($"The {MigrationRunner.Table} table was synced with the available migrations.");
        return 0;
    }
}
