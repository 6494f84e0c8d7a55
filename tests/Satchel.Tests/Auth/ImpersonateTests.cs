namespace Satchel.Tests.Auth;

/// <summary>POST /api/collections/{collection}/impersonate/{id} over HTTP.</summary>
public class ImpersonateTests : IClassFixture<AuthServer>
{
    private const string Url = "/api/collections/users/impersonate/" + FixtureAuth.UserId;
    private readonly AuthServer _server;

    public ImpersonateTests(AuthServer server) => _server = server;

    [Fact]
    public async Task Guest_is_401_and_other_records_403()
    {
        Assert.Equal(401, (await AuthHttp.PostAsync(_server.Client, Url)).Status);
        Assert.Equal(403, (await AuthHttp.PostAsync(_server.Client, Url, token: FixtureAuth.UserToken)).Status);
        Assert.Equal(403, (await AuthHttp.PostAsync(_server.Client, Url, token: FixtureAuth.ClientToken)).Status);
    }

    [Fact]
    public async Task Superuser_gets_a_non_refreshable_token_of_the_collection_duration()
    {
        var answer = await AuthHttp.PostAsync(_server.Client, Url, token: FixtureAuth.SuperuserToken);

        Assert.Equal(200, answer.Status);
        var token = answer.Json["token"]!.GetValue<string>();
        var claims = Jwt.Claims(token);
        Assert.Equal(FixtureAuth.UserId, claims["id"]!.GetValue<string>());
        Assert.False(claims["refreshable"]!.GetValue<bool>());
        Assert.InRange(Jwt.SecondsLeft(token), 1209600 - 30, 1209600 + 1);
        var record = answer.Json["record"]!.AsObject();
        Assert.Equal(FixtureAuth.UserId, record["id"]!.GetValue<string>());
        // the superuser's own privileges don't unhide the impersonated record's secrets
        Assert.False(record.ContainsKey("tokenKey"));
        Assert.False(record.ContainsKey("password"));
    }

    [Fact]
    public async Task Custom_duration_in_seconds()
    {
        var answer = await AuthHttp.PostAsync(_server.Client, Url, new { duration = 100 }, FixtureAuth.SuperuserToken);
        Assert.Equal(200, answer.Status);
        Assert.InRange(Jwt.SecondsLeft(answer.Json["token"]!.GetValue<string>()), 90, 101);
    }

    [Fact]
    public async Task Zero_duration_means_the_collection_duration()
    {
        var answer = await AuthHttp.PostAsync(_server.Client, Url, new { duration = 0 }, FixtureAuth.SuperuserToken);
        Assert.Equal(200, answer.Status);
        Assert.InRange(Jwt.SecondsLeft(answer.Json["token"]!.GetValue<string>()), 1209600 - 30, 1209600 + 1);
    }

    [Fact]
    public async Task Negative_duration_is_a_validation_error()
    {
        var answer = await AuthHttp.PostAsync(_server.Client, Url, new { duration = -1 }, FixtureAuth.SuperuserToken);
        Assert.Equal(400, answer.Status);
        Assert.Equal("validation_min_greater_equal_than_required", answer.Json["data"]!["duration"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Non_numeric_duration_is_a_load_error()
    {
        var answer = await AuthHttp.PostAsync(_server.Client, Url, "{\"duration\":true}", FixtureAuth.SuperuserToken);
        Assert.Equal(400, answer.Status);
        Assert.Empty(answer.Json["data"]!.AsObject());
    }

    [Theory]
    [InlineData("/api/collections/users/impersonate/missing0000000")]
    [InlineData("/api/collections/demo1/impersonate/" + FixtureAuth.UserId)]
    [InlineData("/api/collections/missing/impersonate/" + FixtureAuth.UserId)]
    public async Task Missing_record_or_collection_is_404(string url)
        => Assert.Equal(404, (await AuthHttp.PostAsync(_server.Client, url, token: FixtureAuth.SuperuserToken)).Status);

    [Fact]
    public async Task Impersonation_token_authenticates_but_cannot_be_renewed()
    {
        var token = (await AuthHttp.PostAsync(_server.Client, Url, new { duration = 300 }, FixtureAuth.SuperuserToken)).Json["token"]!.GetValue<string>();

        var refresh = await AuthHttp.PostAsync(_server.Client, "/api/collections/users/auth-refresh", token: token);
        Assert.Equal(200, refresh.Status);
        Assert.Equal(token, refresh.Json["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task Superusers_can_impersonate_superusers()
    {
        var answer = await AuthHttp.PostAsync(_server.Client, "/api/collections/_superusers/impersonate/" + FixtureAuth.SuperuserId, token: FixtureAuth.SuperuserToken);
        Assert.Equal(200, answer.Status);
        Assert.False(Jwt.Claims(answer.Json["token"]!.GetValue<string>())["refreshable"]!.GetValue<bool>());
    }
}
