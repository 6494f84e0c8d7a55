using Satchel.Core;
using Satchel.Data;
using Satchel.Plugins;

namespace Satchel.Data.Migrations;

/// <summary>
/// The host's own migrations, run on every start before anything reads the database, and the
/// full list (host + plugins) that `serve` and `migrate` work with.
/// </summary>
public static class SystemMigrations
{
    /// <summary>
    /// The base schema. It carries PocketBase's name for its own initial migration, so a pb_data
    /// created by PocketBase counts as initialised and one created here is recognised by PocketBase.
    /// Reverting it only forgets that it ran: the system tables are never dropped.
    /// </summary>
    public static readonly Migration Init = new(SystemSchema.InitMigration, app => SystemSchema.Apply((SatchelApp)app));

    /// <summary>
    /// PocketBase's later system migrations. The schema created by <see cref="Init"/> already has
    /// their result (PocketBase v0.39's shape), and a PocketBase pb_data (v0.23+) has run them, so
    /// here they only keep their place in the history: `history-sync` keeps their rows, and
    /// PocketBase does not run them again on data created here.
    /// </summary>
    public static readonly string[] SatisfiedByInit =
    {
        "1640988000_aux_init.go",
        "1717233556_v0.23_migrate.go",
        "1717233557_v0.23_migrate2.go",
        "1717233558_v0.23_migrate3.go",
        "1717233559_v0.23_migrate4.go",
        "1763020353_update_default_auth_alert_templates.go",
        "1778828400_normalize_indexes.go",
    };

    public static MigrationList List()
    {
        var list = new MigrationList(new[] { Init });
        foreach (var file in SatisfiedByInit) list.Add(new Migration(file, _ => { }));
        return list;
    }

    /// <summary>The host's migrations followed (in file order) by those of every plugin that has some.</summary>
    public static MigrationList WithPlugins(IEnumerable<LoadedPlugin> plugins)
    {
        var list = List();
        foreach (var p in plugins)
        {
            if (p.Instance is not IMigrationSource source) continue;
            try { list.AddRange(source.Migrations); }
            catch (Exception e) { throw new PluginLoadException(p.Entry.Name, $"listing its migrations failed: {e.Message}", e); }
        }
        return list;
    }
}
