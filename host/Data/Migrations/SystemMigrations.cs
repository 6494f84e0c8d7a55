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

    public static MigrationList List() => new(new[] { Init });

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
