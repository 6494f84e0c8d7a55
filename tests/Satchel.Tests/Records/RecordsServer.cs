using Satchel.Tests.Support;

namespace Satchel.Tests.Records;

/// <summary>
/// A server over a copy of the PocketBase fixture with password sign-in and the record-hooks test
/// plugin (logging the hooks of "demo2"), shared by the tests of a class.
/// </summary>
public sealed class RecordsServer : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;

    public RecordsApi Api { get; private set; } = null!;

    public string DataDir => Server.DataDir;

    public async Task InitializeAsync()
    {
        Server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true, Plugins = Plugins() });
        Api = new RecordsApi(Server.Client);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public static PluginsFile Plugins() => new PluginsFile()
        .Add("auth-password", true, Path.Combine(RepoPaths.HostDir, "plugins", "auth-password", "auth-password.dll"))
        .AddTestPlugin("record-hooks");
}
