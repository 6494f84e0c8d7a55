using Dapper;
using Satchel.Tests.Auth;
using Satchel.Tests.Support;

namespace Satchel.Tests.AuthFlows;

/// <summary>
/// OTPs and sign-in devices belong to their record: they go when it (or its collection) is
/// deleted or its password changes, and expired OTPs are removed when the server starts.
/// </summary>
public sealed class SignInRecordCleanupTests
{
    private const string Password = "cleanup-pass-123";

    private static long Count(FlowServer s, string table, string recordId) => DataDb.Query(s.Server.DataDir, c =>
        c.ExecuteScalar<long>($"SELECT count(*) FROM \"{table}\" WHERE recordRef = @recordId", new { recordId }));

    private static async Task<string> WithCodeAndDevice(FlowServer s, string collection, string email)
    {
        var created = await s.PostAsync($"/api/collections/{collection}/records", new { email, password = Password, passwordConfirm = Password });
        Assert.True(created.Status == 200, created.ToString());
        var id = created.Json["id"]!.GetValue<string>();
        Assert.Equal(200, (await s.PostAsync($"/api/collections/{collection}/auth-with-password", new { identity = email, password = Password })).Status);
        Assert.Equal(200, (await s.PostAsync($"/api/collections/{collection}/request-otp", new { email })).Status);
        Assert.Equal(1, Count(s, "_otps", id));
        Assert.Equal(1, Count(s, "_authOrigins", id));
        return id;
    }

    [Fact]
    public async Task Deleting_a_record_or_changing_its_password_drops_its_codes_and_devices()
    {
        await using var s = await FlowServer.StartAsync();
        await s.PatchCollectionAsync("users", new { otp = new { enabled = true } });

        var deleted = await WithCodeAndDevice(s, "users", FlowFixture.NewEmail("gone"));
        Assert.Equal(204, (await s.SendAsync(HttpMethod.Delete, "/api/collections/users/records/" + deleted, token: s.SuperuserToken)).Status);
        Assert.Equal(0, Count(s, "_otps", deleted));
        Assert.Equal(0, Count(s, "_authOrigins", deleted));

        var changed = await WithCodeAndDevice(s, "users", FlowFixture.NewEmail("newpw"));
        var update = await s.SendAsync(HttpMethod.Patch, "/api/collections/users/records/" + changed,
            new { password = "another-pass-456", passwordConfirm = "another-pass-456" }, s.SuperuserToken);
        Assert.True(update.Status == 200, update.ToString());
        Assert.Equal(0, Count(s, "_otps", changed));
        Assert.Equal(0, Count(s, "_authOrigins", changed));
    }

    [Fact]
    public async Task Deleting_an_auth_collection_drops_the_codes_and_devices_of_its_records()
    {
        await using var s = await FlowServer.StartAsync();
        var created = await s.PostAsync("/api/collections", new { name = "members", type = "auth", createRule = "", otp = new { enabled = true } }, s.SuperuserToken);
        Assert.True(created.Status == 200, created.ToString());
        var id = await WithCodeAndDevice(s, "members", FlowFixture.NewEmail("member"));

        Assert.Equal(204, (await s.SendAsync(HttpMethod.Delete, "/api/collections/members", token: s.SuperuserToken)).Status);

        Assert.Equal(0, Count(s, "_otps", id));
        Assert.Equal(0, Count(s, "_authOrigins", id));
    }

    [Fact]
    public async Task Expired_codes_are_removed_when_the_server_starts()
    {
        // The fixture's users collection keeps codes for 300 seconds.
        static void Plant(string dataDir, string id, TimeSpan age)
        {
            var created = DateTime.UtcNow.Subtract(age).ToString("yyyy-MM-dd HH:mm:ss.fff'Z'");
            DataDb.Execute(dataDir,
                "INSERT INTO _otps (id, collectionRef, recordRef, password, sentTo, created, updated) VALUES (@id, @collection, @record, 'x', '', @created, @created)",
                new { id, collection = FixtureAuth.UsersCollectionId, record = FixtureAuth.UserId, created });
        }

        await using var server = await RunningServer.StartAsync(new ServerOptions
        {
            FromFixture = true,
            PrepareData = dir =>
            {
                Plant(dir, "oldotp000000001", TimeSpan.FromSeconds(400));
                Plant(dir, "newotp000000001", TimeSpan.FromSeconds(10));
            },
        });

        var left = DataDb.Query(server.DataDir, c => c.Query<string>("SELECT id FROM _otps WHERE recordRef = @UserId", new { FixtureAuth.UserId }).ToList());
        Assert.Equal(new[] { "newotp000000001" }, left);
    }
}
