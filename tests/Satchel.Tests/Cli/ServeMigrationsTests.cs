using Satchel.Tests.Support;

namespace Satchel.Tests.Cli;

public sealed class ServeMigrationsTests
{
    [Fact]
    public async Task Serve_applies_pending_plugin_migrations_before_it_answers()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions
        {
            FromFixture = true,
            Plugins = new PluginsFile().AddTestPlugin("probe"),
        });

        Assert.True(DataDb.HasTable(server.DataDir, "probe_items"));
        var applied = DataDb.AppliedMigrations(server.DataDir);
        Assert.Contains("1700000000_probe_items.cs", applied);
        // The fixture's own history is kept as it was.
        Assert.Contains("1691747913_resave_views.go", applied);
    }

    [Fact]
    public async Task A_fresh_data_dir_gets_the_system_schema_and_its_history()
    {
        await using var server = await RunningServer.StartAsync();

        Assert.True(DataDb.HasTable(server.DataDir, "_collections"));
        Assert.Contains("1640988000_init.go", DataDb.AppliedMigrations(server.DataDir));
    }
}
