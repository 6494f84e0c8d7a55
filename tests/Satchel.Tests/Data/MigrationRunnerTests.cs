using Dapper;
using Satchel.Core;
using Satchel.Data;
using Satchel.Data.Migrations;
using Satchel.Tests.Support;

namespace Satchel.Tests.Data;

public sealed class MigrationRunnerTests : IDisposable
{
    private readonly TempDir _dir = TempDir.Create("satchel-migrations");
    private readonly SatchelApp _app;

    public MigrationRunnerTests()
    {
        _app = new SatchelApp(_dir.Path, isDev: false);
        _app.Bootstrap();
    }

    public void Dispose()
    {
        _app.Dispose();
        _dir.Dispose();
    }

    private static Migration CreateTable(string file, string table) => new(file,
        app => app.Db.Write((c, tx) => c.Execute($"CREATE TABLE {table} (id TEXT)", transaction: tx)),
        app => app.Db.Write((c, tx) => c.Execute($"DROP TABLE {table}", transaction: tx)));

    private bool HasTable(string name)
        => _app.Db.Read(c => c.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type='table' AND name=@name", new { name })) > 0;

    private Dictionary<string, long> History()
        => _app.Db.Read(c => c.Query<(string File, long Applied)>("SELECT file, applied FROM _migrations")).ToDictionary(r => r.File, r => r.Applied);

    private void Record(string file, long applied)
        => _app.Db.Write((c, tx) => c.Execute("INSERT INTO _migrations (file, applied) VALUES (@file, @applied)", new { file, applied }, tx));

    [Fact]
    public void Bootstrap_records_the_init_migration_under_PocketBase_name()
    {
        Assert.Contains("1640988000_init.go", History().Keys);
        Assert.True(HasTable("_collections"));
    }

    [Fact]
    public void Up_applies_pending_migrations_in_file_order_and_stores_unix_microseconds()
    {
        var order = new List<string>();
        var list = new MigrationList(new[]
        {
            new Migration("1700000002_b.cs", _ => order.Add("b")),
            new Migration("1700000001_a.cs", _ => order.Add("a")),
        });
        var before = (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10;

        var applied = new MigrationRunner(_app, list).Up();

        Assert.Equal(new[] { "1700000001_a.cs", "1700000002_b.cs" }, applied);
        Assert.Equal(new[] { "a", "b" }, order);
        var stamp = History()["1700000001_a.cs"];
        Assert.InRange(stamp, before, before + 60_000_000);
    }

    [Fact]
    public void A_migration_that_records_itself_is_still_applied_once()
    {
        var list = new MigrationList(new[]
        {
            new Migration("1700000001_a.cs", app => app.Db.Write((c, tx) =>
                c.Execute("INSERT INTO _migrations (file, applied) VALUES ('1700000001_a.cs', 1)", transaction: tx))),
        });

        Assert.Equal(new[] { "1700000001_a.cs" }, new MigrationRunner(_app, list).Up());
        Assert.True(History()["1700000001_a.cs"] > 1);
    }

    [Fact]
    public void A_fresh_data_dir_records_PocketBase_system_migrations_so_history_sync_keeps_them()
    {
        var runner = new MigrationRunner(_app, SystemMigrations.List());
        Assert.Empty(runner.Pending());
        runner.HistorySync();
        Assert.Contains("1778828400_normalize_indexes.go", History().Keys);
    }

    [Fact]
    public void Up_skips_migrations_already_applied()
    {
        var runs = 0;
        var list = new MigrationList(new[] { new Migration("1700000001_a.cs", _ => runs++) });
        new MigrationRunner(_app, list).Up();
        var second = new MigrationRunner(_app, list).Up();
        Assert.Empty(second);
        Assert.Equal(1, runs);
    }

    [Fact]
    public void A_failing_migration_rolls_back_the_whole_run()
    {
        var list = new MigrationList(new[]
        {
            CreateTable("1700000001_a.cs", "mig_a"),
            new Migration("1700000002_b.cs", _ => throw new InvalidOperationException("bad sql")),
        });

        var e = Assert.Throws<MigrationException>(() => new MigrationRunner(_app, list).Up());

        Assert.Contains("1700000002_b.cs", e.Message);
        Assert.Contains("bad sql", e.Message);
        Assert.False(HasTable("mig_a"));
        Assert.DoesNotContain("1700000001_a.cs", History().Keys);
    }

    [Fact]
    public void Down_reverts_the_last_applied_ones_newest_first()
    {
        var list = new MigrationList(new[] { CreateTable("1700000001_a.cs", "mig_a"), CreateTable("1700000002_b.cs", "mig_b") });
        var runner = new MigrationRunner(_app, list);
        runner.Up();

        var reverted = runner.Down(1);

        Assert.Equal(new[] { "1700000002_b.cs" }, reverted);
        Assert.False(HasTable("mig_b"));
        Assert.True(HasTable("mig_a"));
        Assert.DoesNotContain("1700000002_b.cs", History().Keys);
        Assert.Contains("1700000001_a.cs", History().Keys);
    }

    [Fact]
    public void Down_never_touches_history_rows_it_does_not_know()
    {
        Record("1600000000_from_elsewhere.js", (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10 + 1_000_000_000);
        var runner = new MigrationRunner(_app, new MigrationList(new[] { CreateTable("1700000001_a.cs", "mig_a") }));
        runner.Up();

        Assert.Equal(new[] { "1700000001_a.cs" }, runner.Down(5));
        Assert.Contains("1600000000_from_elsewhere.js", History().Keys);
    }

    [Fact]
    public void Last_applied_compares_legacy_second_stamps_with_microsecond_ones()
    {
        // Older PocketBase versions stored seconds: 1665395386 (2022) is older than 1700000000000000 (2023).
        Record("1700000001_new.cs", 1_700_000_000_000_000);
        Record("1700000002_old.cs", 1_665_395_386);
        var list = new MigrationList(new[] { new Migration("1700000001_new.cs", _ => { }), new Migration("1700000002_old.cs", _ => { }) });

        Assert.Equal(new[] { "1700000001_new.cs", "1700000002_old.cs" }, new MigrationRunner(_app, list).LastApplied(2));
    }

    [Fact]
    public void History_sync_forgets_rows_of_migrations_that_no_longer_exist()
    {
        Record("1600000000_gone.js", 1);
        var list = new MigrationList(new[] { SystemMigrations.Init });

        new MigrationRunner(_app, list).HistorySync();

        Assert.Equal(new[] { "1640988000_init.go" }, History().Keys.ToArray());
    }

    [Fact]
    public void Pending_lists_the_migrations_not_yet_applied()
    {
        var list = new MigrationList(new[] { SystemMigrations.Init, new Migration("1700000001_a.cs", _ => { }) });
        Assert.Equal(new[] { "1700000001_a.cs" }, new MigrationRunner(_app, list).Pending());
    }

    [Fact]
    public void A_file_name_can_be_registered_only_once()
    {
        var list = new MigrationList(new[] { new Migration("1700000001_a.cs", _ => { }) });
        Assert.Throws<ArgumentException>(() => list.Add(new Migration("1700000001_a.cs", _ => { })));
    }
}
