using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Satchel.Tests.Support;

namespace Satchel.Tests.Plugins;

/// <summary>
/// One server with two plugins that need different Newtonsoft.Json versions, the probe plugin with
/// options, and two disabled entries that could not load even if tried (a missing dll and a corrupt one).
/// </summary>
public sealed class PluginIsolationServer : IAsyncLifetime
{
    private readonly Support.TempDir _files = Support.TempDir.Create("satchel-plugin-files");
    public RunningServer Server { get; private set; } = null!;

    public static readonly JsonObject ProbeOptions = new() { ["greeting"] = "hello", ["limit"] = 3, ["nested"] = new JsonObject { ["on"] = true } };

    public async Task InitializeAsync()
    {
        var plugins = new PluginsFile()
            .AddTestPlugin("json-old")
            .AddTestPlugin("json-new")
            .AddTestPlugin("probe", options: (JsonObject)ProbeOptions.DeepClone())
            .Add("ghost", enabled: false, path: Path.Combine(_files.Path, "ghost", "ghost.dll"))
            .Add("corrupt", enabled: false, path: TestPluginFiles.WriteCorruptDll(_files.Path, "corrupt"));
        Server = await RunningServer.StartAsync(new ServerOptions { Plugins = plugins });
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        _files.Dispose();
    }
}

public sealed class PluginIsolationTests(PluginIsolationServer fixture) : IClassFixture<PluginIsolationServer>
{
    private HttpClient Client => fixture.Server.Client;

    [Theory]
    [InlineData("json-old", "12.0.0.0")]
    [InlineData("json-new", "13.0.0.0")]
    public async Task Each_plugin_runs_with_its_own_version_of_a_shared_dependency(string plugin, string assemblyVersion)
    {
        var body = await Client.GetFromJsonAsync<JsonElement>($"/{plugin}/version");

        Assert.Equal(assemblyVersion, body.GetProperty("version").GetString());
        Assert.Contains(Path.Combine("test-plugins", plugin), body.GetProperty("location").GetString());
    }

    [Fact]
    public async Task Options_from_plugins_json_reach_the_plugin()
    {
        var body = await Client.GetStringAsync("/probe/options");
        Assert.True(JsonNode.DeepEquals(PluginIsolationServer.ProbeOptions, JsonNode.Parse(body)), body);
    }

    [Fact]
    public async Task Disabled_entries_that_could_not_load_do_not_stop_the_start()
    {
        // The server is up although "ghost" has no dll and "corrupt" is not an assembly:
        // disabled plugins are never opened.
        using var res = await Client.GetAsync("/api/health");
        Assert.Equal(200, (int)res.StatusCode);
        Assert.DoesNotContain("ghost", fixture.Server.Stderr.Text);
        Assert.DoesNotContain("corrupt", fixture.Server.Stderr.Text);
    }
}
