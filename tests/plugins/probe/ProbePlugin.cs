using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Satchel.Data;
using Satchel.Plugins;

namespace Satchel.TestPlugins.Probe;

/// <summary>
/// GET /probe/ping, GET /probe/sleep?ms=N (answers after N ms), GET /probe/options (the plugin's
/// options as given in plugins.json), and a migration creating the probe_items table.
/// </summary>
public sealed class ProbePlugin : IPlugin, IMigrationSource
{
    public const string MigrationFile = "1700000000_probe_items.cs";

    public string Name => "probe";

    public IEnumerable<Migration> Migrations => new[]
    {
        new Migration(MigrationFile,
            app => Exec(app, "CREATE TABLE probe_items (id TEXT PRIMARY KEY NOT NULL)"),
            app => Exec(app, "DROP TABLE probe_items")),
    };

    private static void Exec(IApp app, string sql) => app.Db.Write((c, tx) =>
    {
        using var cmd = c.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    });

    public void Configure(IPluginContext context)
    {
        context.Routes.MapGet("/probe/ping", () => Results.Json(new { plugin = Name }));
        context.Routes.MapGet("/probe/sleep", async (int ms) =>
        {
            Console.WriteLine($"probe: sleeping {ms} ms");
            await Task.Delay(ms);
            return Results.Json(new { slept = ms });
        });
        var raw = context.Options.Raw?.GetRawText() ?? "null";
        context.Routes.MapGet("/probe/options", () => Results.Text(raw, "application/json"));
    }
}
