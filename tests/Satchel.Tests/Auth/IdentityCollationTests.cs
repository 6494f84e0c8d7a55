using System.Text.Json.Nodes;
using Dapper;
using Satchel.Tests.Support;

namespace Satchel.Tests.Auth;

/// <summary>An identity field whose unique index is COLLATE NOCASE is matched case-insensitively.</summary>
public class IdentityCollationTests : IAsyncLifetime
{
    private RunningServer _server = null!;

    public async Task InitializeAsync()
        => _server = await RunningServer.StartAsync(new ServerOptions
        {
            FromFixture = true,
            Plugins = AuthServer.Plugins(testMethod: false),
            PrepareData = MakeClientIdentitiesNoCase,
        });

    public async Task DisposeAsync() => await _server.DisposeAsync();

    /// <summary>Rewrites the email and username indexes of "clients" with COLLATE NOCASE, in the schema and in the collection.</summary>
    private static void MakeClientIdentitiesNoCase(string dataDir)
    {
        var indexes = new JsonArray(
            "CREATE UNIQUE INDEX `_v851q4r790rhknl_username_idx` ON `clients` (username COLLATE NOCASE)",
            "CREATE UNIQUE INDEX `_v851q4r790rhknl_email_idx` ON `clients` (`email` COLLATE nocase) WHERE email != ''",
            "CREATE UNIQUE INDEX `_v851q4r790rhknl_tokenKey_idx` ON `clients` (tokenKey)",
            "CREATE INDEX `_v851q4r790rhknl_created_idx` ON `clients` (`created`)");
        DataDb.Execute(dataDir, "UPDATE _collections SET indexes = @indexes WHERE name = 'clients'", new { indexes = indexes.ToJsonString() });
        DataDb.Execute(dataDir, "DROP INDEX `_v851q4r790rhknl_username_idx`; DROP INDEX `_v851q4r790rhknl_email_idx`;");
        foreach (var sql in indexes.Take(2)) DataDb.Execute(dataDir, sql!.GetValue<string>());
    }

    private Task<ApiAnswer> SignIn(object body) => AuthHttp.PostAsync(_server.Client, "/api/collections/clients/auth-with-password", body);

    [Fact]
    public async Task Email_is_matched_ignoring_case()
    {
        var answer = await SignIn(new { identity = "tESt@example.com", password = FixtureAuth.Password });
        Assert.Equal(200, answer.Status);
        Assert.Equal("test@example.com", answer.Json["record"]!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task Username_is_matched_ignoring_case_with_or_without_identity_field()
    {
        Assert.Equal(200, (await SignIn(new { identity = "Clients57772", password = FixtureAuth.Password })).Status);
        Assert.Equal(200, (await SignIn(new { identityField = "username", identity = "CLIENTS57772", password = FixtureAuth.Password })).Status);
    }
}
