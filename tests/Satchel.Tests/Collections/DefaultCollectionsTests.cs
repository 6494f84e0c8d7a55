using Dapper;
using Satchel.Collections;
using Satchel.Tests.Support;

namespace Satchel.Tests.Collections;

public class DefaultCollectionsTests
{
    [Fact]
    public void Fresh_data_gets_pocketbase_system_collections_and_users()
    {
        using var t = TestApp.Fresh();
        var all = t.App.FindAllCollections();
        Assert.Equal(new[] { "_mfas", "_otps", "_externalAuths", "_authOrigins", "_superusers", "users" }, all.Select(c => c.Name));
        Assert.Equal("pbc_3142635823", t.App.FindCollectionByNameOrId("_superusers")!.Id);
        Assert.Equal("pbc_2281828961", t.App.FindCollectionByNameOrId("_externalAuths")!.Id);

        var users = t.App.FindCollectionByNameOrId("users")!;
        Assert.Equal("_pb_users_auth_", users.Id);
        Assert.Equal("id = @request.auth.id", users.ListRule);
        Assert.Equal("", users.CreateRule);
        Assert.Equal(new[] { "id", "password", "tokenKey", "email", "emailVisibility", "verified", "name", "avatar", "created", "updated" },
            users.Fields.Select(f => f.Name));
        Assert.Equal("text3208210256", users.Fields[0].Id);
        Assert.Equal(50, users.Auth!.AuthToken.Secret.Length);
        Assert.NotEqual(users.Auth.AuthToken.Secret, users.Auth.FileToken.Secret);
        Assert.Contains("CREATE UNIQUE INDEX `idx_tokenKey__pb_users_auth_` ON `users` (`tokenKey`)", users.Indexes);

        var su = t.App.FindCollectionByNameOrId("_superusers")!;
        Assert.True(su.System);
        Assert.Equal(86400, su.Auth!.AuthToken.Duration);

        // the records tables exist with their indexes
        var tables = t.App.Db.Read(c => c.Query<string>("SELECT name FROM sqlite_master WHERE type IN ('table','index')").ToList());
        Assert.Contains("users", tables);
        Assert.Contains("idx_externalAuths_collection_provider", tables);
    }

    [Fact]
    public void A_second_start_adds_nothing()
    {
        using var dir = TestDataDir.Empty();
        string secret;
        using (var first = new Satchel.Core.SatchelApp(dir.Path, false))
        {
            first.Bootstrap();
            secret = first.FindCollectionByNameOrId("users")!.Auth!.AuthToken.Secret;
        }
        using var second = new Satchel.Core.SatchelApp(dir.Path, false);
        second.Bootstrap();
        Assert.Equal(6, second.FindAllCollections().Count);
        Assert.Equal(secret, second.FindCollectionByNameOrId("users")!.Auth!.AuthToken.Secret);
        var migrations = second.Db.Read(c => c.Query<string>("SELECT file FROM _migrations").ToList());
        Assert.Contains("1640988000_init.go", migrations);
        Assert.Contains("1778828400_normalize_indexes.go", migrations);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}
