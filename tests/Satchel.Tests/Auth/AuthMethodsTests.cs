namespace Satchel.Tests.Auth;

/// <summary>GET /api/collections/{collection}/auth-methods with the auth plugins loaded.</summary>
public class AuthMethodsTests : IClassFixture<AuthServer>
{
    private readonly AuthServer _server;

    public AuthMethodsTests(AuthServer server) => _server = server;

    [Fact]
    public async Task Enabled_methods_show_their_settings()
    {
        var answer = await AuthHttp.GetAsync(_server.Client, "/api/collections/users/auth-methods");

        Assert.Equal(200, answer.Status);
        Assert.Contains("\"password\":{\"identityFields\":[\"email\",\"username\"],\"enabled\":true}", answer.Raw);
        Assert.Contains("\"mfa\":{\"enabled\":true,\"duration\":1800}", answer.Raw);
        Assert.True(answer.Json["emailPassword"]!.GetValue<bool>());
        Assert.True(answer.Json["usernamePassword"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Collection_without_methods_shows_every_section_off()
    {
        var answer = await AuthHttp.GetAsync(_server.Client, "/api/collections/nologin/auth-methods");

        Assert.Equal(200, answer.Status);
        Assert.Contains("\"password\":{\"identityFields\":[],\"enabled\":false}", answer.Raw);
        Assert.Contains("\"oauth2\":{\"providers\":[],\"enabled\":false}", answer.Raw);
        Assert.Contains("\"mfa\":{\"enabled\":false,\"duration\":0}", answer.Raw);
        Assert.Contains("\"otp\":{\"enabled\":false,\"duration\":0}", answer.Raw);
    }

    [Fact]
    public async Task Superusers_collection_lists_password_only()
    {
        var answer = await AuthHttp.GetAsync(_server.Client, "/api/collections/_superusers/auth-methods");
        Assert.Contains("\"password\":{\"identityFields\":[\"email\"],\"enabled\":true}", answer.Raw);
        Assert.False(answer.Json["usernamePassword"]!.GetValue<bool>());
    }

    [Theory]
    [InlineData("missing")]
    [InlineData("demo1")]
    public async Task Missing_or_non_auth_collection_is_404(string collection)
    {
        var answer = await AuthHttp.GetAsync(_server.Client, $"/api/collections/{collection}/auth-methods");
        Assert.Equal(404, answer.Status);
        Assert.Empty(answer.Json["data"]!.AsObject());
    }
}
