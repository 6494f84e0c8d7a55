using Satchel.Tests.Support;

namespace Satchel.Tests.Auth;

/// <summary>auth-methods when the password and MFA plugins are switched off in plugins.json.</summary>
public class AuthMethodsWithoutPluginsTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync()
        => _server = await RunningServer.StartAsync(new ServerOptions
        {
            FromFixture = true,
            Plugins = AuthServer.Plugins(password: false, mfa: false, testMethod: true),
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Sections_of_disabled_plugins_look_like_methods_that_are_off()
    {
        var answer = await AuthHttp.GetAsync(_server.Client, "/api/collections/users/auth-methods");

        Assert.Equal(200, answer.Status);
        Assert.Contains("\"password\":{\"identityFields\":[],\"enabled\":false}", answer.Raw);
        Assert.Contains("\"mfa\":{\"enabled\":false,\"duration\":0}", answer.Raw);
        Assert.False(answer.Json["emailPassword"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Sign_in_route_of_a_disabled_plugin_does_not_exist()
    {
        var answer = await AuthHttp.PostAsync(_server.Client, "/api/collections/clients/auth-with-password",
            new { identity = "test@example.com", password = FixtureAuth.Password });
        Assert.Equal(404, answer.Status);
    }

    [Fact]
    public async Task Without_the_mfa_plugin_a_single_method_signs_in()
    {
        // users has MFA enabled in its options, but no plugin enforces it
        var answer = await AuthHttp.PostAsync(_server.Client, "/test-auth/users/" + FixtureAuth.UserId);
        Assert.Equal(200, answer.Status);
        Assert.NotNull(answer.Json["token"]);
    }
}
