using static Satchel.Tests.Records.Fixture;

namespace Satchel.Tests.Records;

/// <summary>GET /api/collections/{c}/records/{id}: view rules and email visibility.</summary>
public class RecordViewTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private readonly RecordsApi _api = server.Api;

    [Fact]
    public async Task Public_record_is_viewed_by_collection_name_or_id()
    {
        var byName = await _api.Get(One("demo2", "0yxhwia2amd8gec"));
        Assert.Equal(200, byName.Status);
        Assert.Equal("test3", byName.Str("title"));
        Assert.Equal("demo2", byName.Str("collectionName"));
        Assert.Equal(200, (await _api.Get(One("sz5l5z67tg7gku0", "0yxhwia2amd8gec"))).Status);
    }

    [Fact]
    public async Task Locked_view_rule_is_403_for_everyone_but_superusers()
    {
        Assert.Equal(403, (await _api.Get(One("demo1", "imy661ixudk5izi"))).Status);
        Assert.Equal(403, (await _api.Get(One("demo1", "imy661ixudk5izi"), User)).Status);
        Assert.Equal(200, (await _api.Get(One("demo1", "imy661ixudk5izi"), Superuser)).Status);
    }

    [Fact]
    public async Task An_unsatisfied_view_rule_is_404()
    {
        // users: "id = @request.auth.id"
        var other = await _api.Get(One("users", "bgs820n361vj1qd"), User);
        Assert.Equal(404, other.Status);
        Assert.Empty(other.Json["data"]!.AsObject());

        var self = await _api.Get(One("users", UserId), User);
        Assert.Equal(200, self.Status);
        Assert.Equal("test@example.com", self.Str("email")); // own email although emailVisibility is off
        Assert.False(self.Json.ContainsKey("password"));
        Assert.False(self.Json.ContainsKey("tokenKey"));
    }

    [Fact]
    public async Task Missing_records_and_collections_are_404()
    {
        Assert.Equal(404, (await _api.Get(One("demo2", "missing"))).Status);
        Assert.Equal(404, (await _api.Get(One("missing", "0yxhwia2amd8gec"))).Status);
        Assert.Equal(404, (await _api.Get(One("demo1", "missing"), Superuser)).Status);
    }

    [Fact]
    public async Task View_collection_records_follow_their_view_rule()
    {
        Assert.Equal(404, (await _api.Get(One("view1", "84nmscqy84lsi1t"))).Status);
        var viewed = await _api.Get(One("view1", "84nmscqy84lsi1t"), User);
        Assert.Equal(200, viewed.Status);
        Assert.True(viewed.Json["bool"]!.GetValue<bool>());
        Assert.Equal(200, (await _api.Get(One("numeric_id_view", "2"))).Status);
    }

    [Fact]
    public async Task Managers_see_the_email_of_records_they_manage()
    {
        // nologin's manageRule: "@request.auth.collectionName = 'users'"
        var guest = await _api.Get(One("nologin", "oos036e9xvqeexy"));
        Assert.Null(guest.Json["email"]);
        var manager = await _api.Get(One("nologin", "oos036e9xvqeexy"), User);
        Assert.Equal("test3@example.com", manager.Str("email"));
        Assert.False(manager.Json["emailVisibility"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Superusers_see_hidden_fields_but_never_password_or_token_key()
    {
        var answer = await _api.Get(One("clients", "gk390qegs4y47wn"), Superuser);
        Assert.Equal(200, answer.Status);
        Assert.Equal("test@example.com", answer.Str("email"));
        Assert.False(answer.Json.ContainsKey("password"));
        Assert.False(answer.Json.ContainsKey("tokenKey"));
    }
}
