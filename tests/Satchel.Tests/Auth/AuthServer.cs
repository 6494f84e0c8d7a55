using Satchel.Tests.Support;

namespace Satchel.Tests.Auth;

/// <summary>
/// A server over a copy of the fixture with the auth plugins (and the "test" sign-in method used
/// to complete MFA), shared by the tests of a class.
/// </summary>
public sealed class AuthServer : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;

    public HttpClient Client => Server.Client;

    public string DataDir => Server.DataDir;

    public async Task InitializeAsync()
        => Server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true, Plugins = Plugins() });

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>plugins.json naming the distribution's auth plugins by path, each on or off.</summary>
    public static PluginsFile Plugins(bool password = true, bool mfa = true, bool testMethod = true)
    {
        var file = new PluginsFile()
            .Add("auth-password", password, Path.Combine(RepoPaths.HostDir, "plugins", "auth-password", "auth-password.dll"))
            .Add("mfa", mfa, Path.Combine(RepoPaths.HostDir, "plugins", "mfa", "mfa.dll"));
        return testMethod ? file.AddTestPlugin("auth-test-method") : file;
    }
}
