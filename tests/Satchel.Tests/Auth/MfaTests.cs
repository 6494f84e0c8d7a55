namespace Satchel.Tests.Auth;

/// <summary>
/// MFA on the users collection (enabled in the fixture, empty rule): password and the test
/// method "test" are two different methods.
/// </summary>
public class MfaTests : IClassFixture<AuthServer>
{
    private const string OtherUserId = "oap640cot4yru2s";
    private readonly AuthServer _server;

    public MfaTests(AuthServer server) => _server = server;

    private Task<ApiAnswer> Password(object body, string query = "")
        => AuthHttp.PostAsync(_server.Client, "/api/collections/users/auth-with-password" + query, body);

    private Task<ApiAnswer> TestMethod(string recordId, object? body = null, string query = "")
        => AuthHttp.PostAsync(_server.Client, $"/test-auth/users/{recordId}{query}", body ?? new { });

    private async Task<string> FirstStepWithPassword()
    {
        var answer = await Password(new { identity = "test@example.com", password = FixtureAuth.Password });
        Assert.Equal(401, answer.Status);
        return answer.Json["mfaId"]!.GetValue<string>();
    }

    [Fact]
    public async Task First_method_answers_401_with_an_mfa_id_and_stores_the_session()
    {
        var answer = await Password(new { identity = "test@example.com", password = FixtureAuth.Password });

        Assert.Equal(401, answer.Status);
        Assert.Equal(new[] { "mfaId" }, answer.Json.Select(p => p.Key));
        var session = MfaSessionsDb.Find(_server.DataDir, answer.Json["mfaId"]!.GetValue<string>());
        Assert.NotNull(session);
        Assert.Equal(FixtureAuth.UsersCollectionId, session!.CollectionRef);
        Assert.Equal(FixtureAuth.UserId, session.RecordRef);
        Assert.Equal("password", session.Method);
    }

    [Fact]
    public async Task Different_second_method_with_the_mfa_id_signs_in_and_ends_the_session()
    {
        var mfaId = await FirstStepWithPassword();

        var answer = await TestMethod(FixtureAuth.UserId, new { mfaId });

        Assert.Equal(200, answer.Status);
        Assert.Equal(FixtureAuth.UserId, Jwt.Claims(answer.Json["token"]!.GetValue<string>())["id"]!.GetValue<string>());
        Assert.Null(MfaSessionsDb.Find(_server.DataDir, mfaId));
    }

    [Fact]
    public async Task Mfa_id_may_come_in_the_query()
    {
        var mfaId = await FirstStepWithPassword();
        var answer = await TestMethod(FixtureAuth.UserId, query: "?mfaId=" + mfaId);
        Assert.Equal(200, answer.Status);
    }

    [Fact]
    public async Task Order_of_the_methods_does_not_matter()
    {
        var first = await TestMethod(FixtureAuth.UserId);
        Assert.Equal(401, first.Status);
        var mfaId = first.Json["mfaId"]!.GetValue<string>();
        Assert.Equal("test", MfaSessionsDb.Find(_server.DataDir, mfaId)!.Method);

        var second = await Password(new { identity = "test@example.com", password = FixtureAuth.Password, mfaId });
        Assert.Equal(200, second.Status);
        Assert.NotNull(second.Json["token"]);
    }

    [Fact]
    public async Task Same_method_twice_is_refused()
    {
        var mfaId = await FirstStepWithPassword();

        var again = await Password(new { identity = "test@example.com", password = FixtureAuth.Password, mfaId });

        Assert.Equal(400, again.Status);
        Assert.Equal("A different authentication method is required.", again.Json["message"]!.GetValue<string>());
        Assert.NotNull(MfaSessionsDb.Find(_server.DataDir, mfaId));
    }

    [Fact]
    public async Task Session_of_another_record_is_refused()
    {
        var mfaId = await FirstStepWithPassword();

        var answer = await TestMethod(OtherUserId, new { mfaId });

        Assert.Equal(400, answer.Status);
        Assert.Equal("Invalid MFA session.", answer.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_session_is_refused()
    {
        var answer = await TestMethod(FixtureAuth.UserId, new { mfaId = "nonexistent0000" });
        Assert.Equal(400, answer.Status);
        Assert.Equal("Invalid or expired MFA session.", answer.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Expired_session_is_refused_and_deleted()
    {
        // users has mfa.duration 1800 s
        MfaSessionsDb.Plant(_server.DataDir, "expiredmfa00001", FixtureAuth.UsersCollectionId, FixtureAuth.UserId, "password", TimeSpan.FromSeconds(1900));

        var answer = await TestMethod(FixtureAuth.UserId, new { mfaId = "expiredmfa00001" });

        Assert.Equal(400, answer.Status);
        Assert.Equal("Invalid or expired MFA session.", answer.Json["message"]!.GetValue<string>());
        Assert.Null(MfaSessionsDb.Find(_server.DataDir, "expiredmfa00001"));
    }

    [Fact]
    public async Task Session_within_its_duration_is_accepted()
    {
        MfaSessionsDb.Plant(_server.DataDir, "recentmfa000001", FixtureAuth.UsersCollectionId, FixtureAuth.UserId, "password", TimeSpan.FromSeconds(1700));
        var answer = await TestMethod(FixtureAuth.UserId, new { mfaId = "recentmfa000001" });
        Assert.Equal(200, answer.Status);
    }

    [Fact]
    public async Task Failed_first_method_creates_no_session()
    {
        var before = MfaSessionsDb.ForRecord(_server.DataDir, OtherUserId).Count;
        var answer = await Password(new { identity = "test2@example.com", password = "wrong-password" });
        Assert.Equal(400, answer.Status);
        Assert.Equal(before, MfaSessionsDb.ForRecord(_server.DataDir, OtherUserId).Count);
    }
}
