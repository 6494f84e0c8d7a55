using Satchel.Tests.Support;

namespace Satchel.Tests.Auth;

/// <summary>MFA as the collection options configure it: superusers, mfa.rule, and clean-up of expired sessions.</summary>
public class MfaOptionsTests : IAsyncLifetime
{
    private const string VerifiedUserId = "oap640cot4yru2s";
    private RunningServer _server = null!;

    public async Task InitializeAsync()
        => _server = await RunningServer.StartAsync(new ServerOptions
        {
            FromFixture = true,
            Plugins = AuthServer.Plugins(),
            PrepareData = dir =>
            {
                DataDb.Execute(dir, "UPDATE _collections SET options = json_set(options, '$.mfa.enabled', json('true'), '$.mfa.rule', '') WHERE name = '_superusers'");
                DataDb.Execute(dir, "UPDATE _collections SET options = json_set(options, '$.mfa.rule', 'verified = true') WHERE name = 'users'");
                DataDb.Execute(dir, "UPDATE _collections SET options = json_set(options, '$.mfa.enabled', json('true'), '$.mfa.rule', '1=2') WHERE name = 'clients'");
                // users: mfa.duration 1800 s
                MfaSessionsDb.Plant(dir, "stalemfa0000001", FixtureAuth.UsersCollectionId, FixtureAuth.UserId, "password", TimeSpan.FromHours(2));
                MfaSessionsDb.Plant(dir, "livemfa00000001", FixtureAuth.UsersCollectionId, FixtureAuth.UserId, "password", TimeSpan.FromMinutes(1));
            },
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Superusers_need_a_second_method_when_their_collection_enables_mfa()
    {
        var first = await AuthHttp.PostAsync(_server.Client, "/api/collections/_superusers/auth-with-password",
            new { identity = "test@example.com", password = FixtureAuth.Password });
        Assert.Equal(401, first.Status);

        var second = await AuthHttp.PostAsync(_server.Client, $"/test-auth/_superusers/{FixtureAuth.SuperuserId}",
            new { mfaId = first.Json["mfaId"]!.GetValue<string>() });
        Assert.Equal(200, second.Status);
        Assert.Equal(FixtureAuth.SuperuserId, second.Json["record"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rule_that_never_matches_skips_mfa()
    {
        var answer = await AuthHttp.PostAsync(_server.Client, "/api/collections/clients/auth-with-password",
            new { identity = "test@example.com", password = FixtureAuth.Password });
        Assert.Equal(200, answer.Status);
        Assert.Empty(MfaSessionsDb.ForRecord(_server.DataDir, FixtureAuth.ClientId));
    }

    [Fact]
    public async Task Rule_decides_per_record()
    {
        // rule "verified = true": the unverified user signs in directly, the verified one is asked for more
        var unverified = await AuthHttp.PostAsync(_server.Client, "/api/collections/users/auth-with-password",
            new { identity = "test@example.com", password = FixtureAuth.Password });
        Assert.Equal(200, unverified.Status);

        var verified = await AuthHttp.PostAsync(_server.Client, $"/test-auth/users/{VerifiedUserId}");
        Assert.Equal(401, verified.Status);
    }

    [Fact]
    public void Expired_sessions_are_removed_when_the_server_starts()
    {
        Assert.Null(MfaSessionsDb.Find(_server.DataDir, "stalemfa0000001"));
        Assert.NotNull(MfaSessionsDb.Find(_server.DataDir, "livemfa00000001"));
    }
}
