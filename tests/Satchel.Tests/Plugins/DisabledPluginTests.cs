using System.Net.Http.Json;
using System.Text.Json;
using Satchel.Tests.Support;

namespace Satchel.Tests.Plugins;

public sealed class DisabledPluginTests
{
    [Fact]
    public async Task The_routes_of_a_disabled_plugin_answer_404()
    {
        await using var enabled = await RunningServer.StartAsync(new ServerOptions { Plugins = new PluginsFile().AddTestPlugin("probe") });
        Assert.Equal(200, (int)(await enabled.Client.GetAsync("/probe/ping")).StatusCode);

        await using var disabled = await RunningServer.StartAsync(new ServerOptions { Plugins = new PluginsFile().AddTestPlugin("probe", enabled: false) });
        using var res = await disabled.Client.GetAsync("/probe/ping");

        Assert.Equal(404, (int)res.StatusCode);
        var body = await res.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, body.GetProperty("status").GetInt32());
        // Nor did its migration run.
        Assert.False(DataDb.HasTable(disabled.DataDir, "probe_items"));
    }
}
