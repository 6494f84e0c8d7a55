using Satchel.Tests.Support;

namespace Satchel.Tests.Cli;

/// <summary>`satchel migrate …` with the probe test plugin, whose one migration creates probe_items.</summary>
public sealed class MigrateCliTests : IDisposable
{
    private const string ProbeMigration = "1700000000_probe_items.cs";
    private readonly TempDir _work = TempDir.Create();
    private readonly string _dataDir;
    private readonly string _plugins;

    public MigrateCliTests()
    {
        _dataDir = Path.Combine(_work.Path, "pb_data");
        _plugins = new PluginsFile().AddTestPlugin("probe").WriteTo(_work.Path);
    }

    public void Dispose() => _work.Dispose();

    private Task<CliResult> Migrate(string? stdin, params string[] args)
        => SatchelProcess.RunAsync(new[] { "migrate" }.Concat(args).Concat(new[] { $"--dir={_dataDir}", $"--plugins={_plugins}" }), stdin);

    [Fact]
    public async Task Up_applies_the_plugin_migration_once()
    {
        var first = await Migrate(null, "up");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains($"Applied {ProbeMigration}", first.Stdout);
        Assert.True(DataDb.HasTable(_dataDir, "probe_items"));
        Assert.Contains(ProbeMigration, DataDb.AppliedMigrations(_dataDir));

        var second = await Migrate(null);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("No new migrations to apply.", second.Stdout);
    }

    [Fact]
    public async Task Down_reverts_the_last_migration_after_confirmation()
    {
        await Migrate(null, "up");

        var r = await Migrate("y\n", "down");

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains($"Reverted {ProbeMigration}", r.Stdout);
        Assert.False(DataDb.HasTable(_dataDir, "probe_items"));
        Assert.DoesNotContain(ProbeMigration, DataDb.AppliedMigrations(_dataDir));
    }

    [Fact]
    public async Task Down_without_confirmation_changes_nothing()
    {
        await Migrate(null, "up");

        var r = await Migrate("", "down", "1");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("The command has been cancelled", r.Stdout);
        Assert.True(DataDb.HasTable(_dataDir, "probe_items"));
    }

    [Fact]
    public async Task History_sync_forgets_migrations_that_no_longer_exist()
    {
        using var fixture = TempDir.CopyOf(RepoPaths.FixtureDataDir);
        Assert.Contains("1691747913_resave_views.go", DataDb.AppliedMigrations(fixture.Path));

        var r = await SatchelProcess.RunAsync(new[] { "migrate", "history-sync", $"--dir={fixture.Path}", $"--plugins={_plugins}" });

        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Contains("The _migrations table was synced with the available migrations.", r.Stdout);
        var left = DataDb.AppliedMigrations(fixture.Path);
        Assert.Contains("1640988000_init.go", left);
        Assert.Contains("1717233556_v0.23_migrate.go", left);
        Assert.DoesNotContain("1691747913_resave_views.go", left);
        Assert.DoesNotContain("1726224305_updated_users.js", left);
    }

    [Theory]
    [InlineData("unsupported command: \"sideways\"", "sideways")]
    [InlineData("invalid number of migrations to revert: \"two\"", "down", "two")]
    [InlineData("needs the JS runtime", "create", "add_posts")]
    [InlineData("needs the JS runtime", "collections")]
    public async Task Bad_arguments_are_refused(string message, params string[] args)
    {
        var r = await Migrate(null, args);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains(message, r.Stderr);
        Assert.Single(r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
