using System.Text.Json.Nodes;
using Satchel.Tests.Support;

namespace Satchel.Tests.Plugins;

/// <summary>An enabled plugin that cannot be used stops the start, naming the plugin and the cause.</summary>
public sealed class PluginStartFailureTests : IDisposable
{
    private readonly Support.TempDir _files = Support.TempDir.Create("satchel-plugin-files");

    public void Dispose() => _files.Dispose();

    private static async Task<CliResult> Serve(PluginsFile plugins)
    {
        var r = await RunningServer.RunUntilExitAsync(new ServerOptions { Plugins = plugins });
        Assert.NotEqual(0, r.ExitCode);
        return r;
    }

    [Fact]
    public async Task A_missing_plugin_assembly()
    {
        var path = Path.Combine(_files.Path, "missing", "missing.dll");
        var r = await Serve(new PluginsFile().AddTestPlugin("probe").Add("missing", path: path));
        Assert.Contains("plugin \"missing\"", r.Stderr);
        Assert.Contains("assembly not found", r.Stderr);
        Assert.Contains(path, r.Stderr);
    }

    [Fact]
    public async Task A_plugin_assembly_that_cannot_be_loaded()
    {
        var r = await Serve(new PluginsFile().Add("corrupt", path: TestPluginFiles.WriteCorruptDll(_files.Path, "corrupt")));
        Assert.Contains("plugin \"corrupt\"", r.Stderr);
        Assert.Contains("failed to load", r.Stderr);
    }

    [Theory]
    [InlineData("register", "boom in Register")]
    [InlineData("configure", "boom in Configure")]
    public async Task A_plugin_that_throws_while_starting(string step, string cause)
    {
        var r = await Serve(new PluginsFile().AddTestPlugin("faulty", options: new JsonObject { ["failIn"] = step }));
        Assert.Contains("plugin \"faulty\"", r.Stderr);
        Assert.Contains(cause, r.Stderr);
        Assert.DoesNotContain("Unhandled exception", r.Stderr);
    }

    [Fact]
    public async Task A_plugin_listed_under_another_name()
    {
        var r = await Serve(new PluginsFile().Add("not-probe", path: RepoPaths.TestPlugin("probe")));
        Assert.Contains("plugin \"not-probe\"", r.Stderr);
        Assert.Contains("\"probe\"", r.Stderr);
    }
}
