using Satchel.Tests.Support;

namespace Satchel.Tests.Realtime;

/// <summary>The realtime API exists only while the realtime-sse plugin is enabled in plugins.json.</summary>
public class RealtimePluginSwitchTests
{
    private static string PluginDll(string name) => Path.Combine(RepoPaths.HostDir, "plugins", name, name + ".dll");

    private static async Task<(int Get, int Post, int Health)> StatusesAsync(bool enabled)
    {
        var plugins = new PluginsFile().Add("realtime-sse", enabled, PluginDll("realtime-sse"));
        await using var server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true, Plugins = plugins });
        using var get = await server.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/realtime"), HttpCompletionOption.ResponseHeadersRead);
        using var post = await server.Client.PostAsync("/api/realtime", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var health = await server.Client.GetAsync("/api/health");
        return ((int)get.StatusCode, (int)post.StatusCode, (int)health.StatusCode);
    }

    [Fact]
    public async Task Disabled_the_realtime_routes_are_not_found()
        => Assert.Equal((404, 404, 200), await StatusesAsync(enabled: false));

    [Fact]
    public async Task Enabled_the_built_plugin_serves_the_stream()
        => Assert.Equal((200, 400, 200), await StatusesAsync(enabled: true));
}
