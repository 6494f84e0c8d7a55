namespace Satchel.Tests.Auth;

/// <summary>POST /api/collections/{collection}/auth-refresh over HTTP.</summary>
public class AuthRefreshTests : IClassFixture<AuthServer>
{
    private readonly AuthServer _server;

    public AuthRefreshTests(AuthServer server) => _server = server;

    private Task<ApiAnswer> Refresh(string collection, string? token, string query = "")
        => AuthHttp.PostAsync(_server.Client, $"/api/collections/{collection}/auth-refresh{query}", token: token);

    [Fact]
    public async Task Guest_is_401()
    {
        var answer = await Refresh("users", null);
        Assert.Equal(401, answer.Status);
        Assert.Empty(answer.Json["data"]!.AsObject());
    }

    [Fact]
    public async Task Invalid_token_is_a_guest()
        => Assert.Equal(401, (await Refresh("users", FixtureAuth.UserToken[..^3] + "abc")).Status);

    [Theory]
    [InlineData("clients", FixtureAuth.UserToken)]
    [InlineData("demo1", FixtureAuth.UserToken)]
    [InlineData("users", FixtureAuth.SuperuserToken)]
    [InlineData("missing", FixtureAuth.UserToken)]
    public async Task Token_of_another_collection_is_403(string collection, string token)
    {
        var answer = await Refresh(collection, token);
        Assert.Equal(403, answer.Status);
        Assert.Empty(answer.Json["data"]!.AsObject());
    }

    [Fact]
    public async Task Same_collection_gets_a_fresh_token_and_the_current_record()
    {
        var answer = await Refresh("users", FixtureAuth.UserToken);

        Assert.Equal(200, answer.Status);
        var token = answer.Json["token"]!.GetValue<string>();
        Assert.NotEqual(FixtureAuth.UserToken, token);
        Assert.True(Jwt.Claims(token)["refreshable"]!.GetValue<bool>());
        Assert.InRange(Jwt.SecondsLeft(token), 1209600 - 30, 1209600 + 1);
        var record = answer.Json["record"]!.AsObject();
        Assert.Equal(FixtureAuth.UserId, record["id"]!.GetValue<string>());
        Assert.False(record["emailVisibility"]!.GetValue<bool>());
        Assert.Equal("test@example.com", record["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Refresh_is_not_asked_for_a_second_factor()
    {
        // users has MFA enabled, but a refresh carries no auth method
        var answer = await Refresh("users", FixtureAuth.UserToken);
        Assert.Equal(200, answer.Status);
        Assert.Null(answer.Json["mfaId"]);
    }

    [Fact]
    public async Task Non_refreshable_token_is_answered_unchanged()
    {
        var answer = await Refresh("users", FixtureAuth.UserStaticToken);
        Assert.Equal(200, answer.Status);
        Assert.Equal(FixtureAuth.UserStaticToken, answer.Json["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Auth_rule_is_checked_on_refresh_too()
    {
        Assert.Equal(403, (await Refresh("clients", FixtureAuth.UnverifiedClientToken)).Status);
        var verified = await Refresh("clients", FixtureAuth.ClientToken);
        Assert.Equal(200, verified.Status);
        Assert.True(verified.Json["record"]!["verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Superuser_refresh_shows_its_own_hidden_fields_but_never_secrets()
    {
        var answer = await Refresh("_superusers", FixtureAuth.SuperuserToken);
        Assert.Equal(200, answer.Status);
        var record = answer.Json["record"]!.AsObject();
        Assert.False(record.ContainsKey("password"));
        Assert.False(record.ContainsKey("tokenKey"));
        Assert.Equal("test@example.com", record["email"]!.GetValue<string>());
    }
}
