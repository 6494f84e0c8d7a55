using Satchel.Data;
using Satchel.Data.Migrations;
using Satchel.Plugins;

namespace Satchel.Tests.Data;

public sealed class PluginMigrationsTests
{
    private sealed class WithMigrations : IPlugin, IMigrationSource
    {
        public string Name => "with-migrations";
        public void Configure(IPluginContext context) { }
        public IEnumerable<Migration> Migrations => new[] { new Migration("1500000000_early.cs", _ => { }) };
    }

    private sealed class Broken : IPlugin, IMigrationSource
    {
        public string Name => "broken";
        public void Configure(IPluginContext context) { }
        public IEnumerable<Migration> Migrations => throw new InvalidOperationException("no list");
    }

    private static LoadedPlugin Loaded(IPlugin p) => new(new PluginEntry(p.Name, true, null, null), p, null);

    [Fact]
    public void Plugin_migrations_join_the_system_ones_in_file_order()
    {
        var list = SystemMigrations.WithPlugins(new[] { Loaded(new WithMigrations()) });
        Assert.Equal("1500000000_early.cs", list.Files.First());
        Assert.Contains("1640988000_init.go", list.Files);
    }

    [Fact]
    public void A_plugin_whose_migrations_cannot_be_listed_is_named_in_the_error()
    {
        var e = Assert.Throws<PluginLoadException>(() => SystemMigrations.WithPlugins(new[] { Loaded(new Broken()) }));
        Assert.Equal("broken", e.Plugin);
        Assert.Contains("no list", e.Message);
    }
}
