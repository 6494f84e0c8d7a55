using System.Text.Json.Nodes;
using Satchel.Models;
using Satchel.Tests.Auth;

namespace Satchel.Tests.Realtime;

/// <summary>Record create/update/delete events: topics, rules per subscriber, payload and commit semantics.</summary>
public class RecordEventTests : RealtimeTestServer
{
    private const string Notes = "rt_notes";

    /// <summary>A collection whose list rule depends on the record, the subscriber and the subscription's options.</summary>
    private Task CreateNotesAsync(string? listRule, string? viewRule = null) => CreateCollectionAsync(new JsonObject
    {
        ["name"] = Notes,
        ["type"] = "base",
        ["listRule"] = listRule,
        ["viewRule"] = viewRule,
        ["fields"] = new JsonArray(
            new JsonObject { ["name"] = "title", ["type"] = "text" },
            new JsonObject { ["name"] = "status", ["type"] = "text" },
            new JsonObject { ["name"] = "secret", ["type"] = "text", ["hidden"] = true },
            new JsonObject { ["name"] = "owner", ["type"] = "relation", ["collectionId"] = "_pb_users_auth_", ["maxSelect"] = 1 }),
    }.ToJsonString());

    private static string Action(SseEvent e) => e.Json!["action"]!.GetValue<string>();
    private static JsonNode Payload(SseEvent e) => e.Json!["record"]!;

    [Fact]
    public async Task Create_update_and_delete_arrive_in_order_and_the_delete_carries_the_record_as_it_was()
    {
        var client = await SubscribedAsync(null, "demo2/*");

        var created = await CreateAsync("demo2", new { title = "realtime 1" });
        var id = created["id"]!.GetValue<string>();
        await UpdateAsync("demo2", id, new { title = "realtime 2" });
        await DeleteAsync("demo2", id);

        var events = new[] { await client.NextAsync(), await client.NextAsync(), await client.NextAsync() };
        Assert.Equal(new[] { "create", "update", "delete" }, events.Select(Action));
        Assert.All(events, e => Assert.Equal("demo2/*", e.Name));
        Assert.All(events, e => Assert.Equal(id, Payload(e)["id"]!.GetValue<string>()));
        Assert.Equal("realtime 1", Payload(events[0])["title"]!.GetValue<string>());
        Assert.Equal("realtime 2", Payload(events[2])["title"]!.GetValue<string>());
        Assert.Equal("demo2", Payload(events[2])["collectionName"]!.GetValue<string>());
        Assert.StartsWith("{\"record\":", events[0].Data);
    }

    [Fact]
    public async Task Collections_may_be_named_by_id_and_by_the_older_bare_topic()
    {
        var byId = await SubscribedAsync(null, "sz5l5z67tg7gku0/*");
        var bare = await SubscribedAsync(null, "demo2");
        var other = await SubscribedAsync(null, "demo4/*");

        await CreateAsync("demo2", new { title = "xy" });

        Assert.Equal("sz5l5z67tg7gku0/*", (await byId.NextAsync()).Name);
        Assert.Equal("demo2", (await bare.NextAsync()).Name);
        await other.ExpectNothingAsync();
    }

    [Fact]
    public async Task A_record_topic_follows_the_view_rule_and_a_collection_topic_the_list_rule()
    {
        // users: listRule null (superusers only), viewRule "id = @request.auth.id"
        var client = await SubscribedAsync(User, "users/*", "users/" + UserId, "users/oap640cot4yru2s");

        await UpdateAsync("users", UserId, new { name = "renamed" });
        await UpdateAsync("users", "oap640cot4yru2s", new { name = "renamed too" });

        var e = await client.NextAsync();
        Assert.Equal("users/" + UserId, e.Name);
        Assert.Equal("update", Action(e));
        Assert.Equal("renamed", Payload(e)["name"]!.GetValue<string>());
        await client.ExpectNothingAsync();
    }

    [Fact]
    public async Task Each_subscriber_gets_only_what_its_auth_may_list()
    {
        // demo3: listed only to authenticated records outside "users"
        var guest = await SubscribedAsync(null, "demo3/*");
        var user = await SubscribedAsync(User, "demo3/*");
        var client = await SubscribedAsync(ClientAuth, "demo3/*");
        var superuser = await SubscribedAsync(Superuser, "demo3/*");

        await CreateAsync("demo3", new { title = "for clients" });

        Assert.Equal("create", Action(await client.NextAsync()));
        Assert.Equal("create", Action(await superuser.NextAsync()));
        await guest.ExpectNothingAsync();
        await user.ExpectNothingAsync();
    }

    [Fact]
    public async Task Hidden_fields_reach_superusers_only()
    {
        await CreateNotesAsync(listRule: "@request.auth.id != ''");
        var guest = await SubscribedAsync(null, Notes + "/*");
        var user = await SubscribedAsync(User, Notes + "/*");
        var superuser = await SubscribedAsync(Superuser, Notes + "/*");

        await CreateAsync(Notes, new { title = "public part", secret = "hidden part" });

        var forUser = (await user.NextAsync()).Data;
        var forSuperuser = (await superuser.NextAsync()).Data;
        Assert.Contains("\"title\":\"public part\"", forUser);
        Assert.DoesNotContain("\"secret\"", forUser);
        Assert.Contains("\"secret\":\"hidden part\"", forSuperuser);
        await guest.ExpectNothingAsync();
    }

    [Fact]
    public async Task Expand_and_fields_options_apply_per_subscription()
    {
        await CreateNotesAsync(listRule: "");
        var expanded = SseTestClient.WithOptions(Notes + "/*", new() { ["expand"] = "owner" });
        var picked = SseTestClient.WithOptions(Notes + "/*", new() { ["fields"] = "id,title" });
        var client = await SubscribedAsync(User, expanded, picked, Notes + "/*");

        await CreateAsync(Notes, new { title = "with owner", status = "s", owner = UserId });

        var byName = new Dictionary<string, JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            var e = await client.NextAsync();
            byName[e.Name] = Payload(e);
        }
        Assert.Equal(UserId, byName[expanded]["expand"]!["owner"]!["id"]!.GetValue<string>());
        Assert.Equal(new[] { "id", "title" }, byName[picked].AsObject().Select(p => p.Key).Order());
        Assert.Null(byName[Notes + "/*"]["expand"]);
        Assert.Equal("s", byName[Notes + "/*"]["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rules_see_the_realtime_context_and_the_subscription_headers_and_query()
    {
        await CreateNotesAsync(listRule: "@request.context = 'realtime' && @request.headers.x_token = 'abc' && @request.query.tag = title");
        var allowed = SseTestClient.WithOptions(Notes + "/*", new() { ["tag"] = "t1" }, new() { ["X-Token"] = "abc" });
        var wrongHeader = SseTestClient.WithOptions(Notes + "/*", new() { ["tag"] = "t1" }, new() { ["X-Token"] = "nope" });
        var wrongQuery = SseTestClient.WithOptions(Notes + "/*", new() { ["tag"] = "t2" }, new() { ["X-Token"] = "abc" });
        var client = await SubscribedAsync(null, allowed, wrongHeader, wrongQuery);

        await CreateAsync(Notes, new { title = "t1" });

        Assert.Equal(allowed, (await client.NextAsync()).Name);
        await client.ExpectNothingAsync();

        // the same rule outside realtime lists nothing
        var list = await SendAsync(HttpMethod.Get, $"/api/collections/{Notes}/records", null, token: null);
        Assert.Empty(list["items"]!.AsArray());
    }

    [Fact]
    public async Task A_filter_option_narrows_a_subscription()
    {
        var filtered = SseTestClient.WithOptions("demo2/*", new() { ["filter"] = "title = 'wanted'" });
        var client = await SubscribedAsync(null, filtered);

        await CreateAsync("demo2", new { title = "unwanted" });
        await CreateAsync("demo2", new { title = "wanted" });

        var e = await client.NextAsync();
        Assert.Equal("wanted", Payload(e)["title"]!.GetValue<string>());
        await client.ExpectNothingAsync();
    }

    [Fact]
    public async Task A_delete_is_checked_against_the_deleted_record_values()
    {
        await CreateNotesAsync(listRule: "status = 'public'");
        var client = await SubscribedAsync(null, Notes + "/*");
        var shown = (await CreateAsync(Notes, new { title = "a", status = "public" }))["id"]!.GetValue<string>();
        var hidden = (await CreateAsync(Notes, new { title = "b", status = "private" }))["id"]!.GetValue<string>();
        Assert.Equal("create", Action(await client.NextAsync()));

        await DeleteAsync(Notes, hidden);
        await DeleteAsync(Notes, shown);

        var e = await client.NextAsync();
        Assert.Equal("delete", Action(e));
        Assert.Equal(shown, Payload(e)["id"]!.GetValue<string>());
        await client.ExpectNothingAsync();
    }

    [Fact]
    public async Task A_rolled_back_write_sends_nothing()
    {
        var client = await SubscribedAsync(null, "demo2/*");
        var demo2 = Server.App.FindCollectionByNameOrId("demo2")!;

        Assert.Throws<InvalidOperationException>(() => Server.App.RunInTransaction(() =>
        {
            var record = new Satchel.Models.Record(demo2);
            record.Set("title", "rolled back");
            Server.App.SaveRecord(record);
            throw new InvalidOperationException("abort");
        }));
        var committed = new Satchel.Models.Record(demo2);
        committed.Set("title", "committed");
        Server.App.SaveRecord(committed);

        var e = await client.NextAsync();
        Assert.Equal("committed", Payload(e)["title"]!.GetValue<string>());
        await client.ExpectNothingAsync();
    }

    [Fact]
    public async Task Enrich_hooks_see_each_subscriber()
    {
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        var paths = new System.Collections.Concurrent.ConcurrentBag<string>();
        Server.App.Hooks.OnRecordEnrich.Bind(e =>
        {
            seen.Add(e.Auth?.Id ?? "guest");
            paths.Add(e.Http?.Request.Path.Value ?? "");
            e.Next();
        });
        var user = await SubscribedAsync(User, "demo2/*");
        var superuser = await SubscribedAsync(Superuser, "demo2/*");

        await CreateAsync("demo2", new { title = "enriched" });

        await user.NextAsync();
        await superuser.NextAsync();
        Assert.Contains(UserId, seen);
        Assert.Contains(FixtureAuth.SuperuserId, seen);
        // realtime enrichment hands over each subscriber's own connect request
        Assert.Equal(2, paths.Count(p => p == "/api/realtime"));
    }

    [Fact]
    public async Task Subscribers_sharing_auth_and_options_all_receive_the_event()
    {
        var clients = new List<SseTestClient>();
        for (var i = 0; i < 5; i++) clients.Add(await SubscribedAsync(User, "demo2/*"));

        await CreateAsync("demo2", new { title = "shared" });

        foreach (var c in clients) Assert.Equal("shared", Payload(await c.NextAsync())["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task Events_follow_subscriptions_and_auth_changed_after_earlier_events()
    {
        // Announcements use an index of the subscribers: every change to them must show in the next event.
        var client = await SubscribedAsync(null, "demo2/*");
        await CreateAsync("demo2", new { title = "first" });
        Assert.Equal("first", Payload(await client.NextAsync())["title"]!.GetValue<string>());

        // a new subscription set replaces the old one
        Assert.Equal(204, (await client.SubscribeAsync(null, "demo3/*")).Status);
        await CreateAsync("demo2", new { title = "no longer wanted" });
        await CreateAsync("demo3", new { title = "hidden from guests" });
        await client.ExpectNothingAsync();

        // the same subscription with an auth that passes demo3's list rule
        Assert.Equal(204, (await client.SubscribeAsync(ClientAuth, "demo3/*")).Status);
        await CreateAsync("demo3", new { title = "for clients" });
        Assert.Equal("for clients", Payload(await client.NextAsync())["title"]!.GetValue<string>());

        // a client that connects later is reached as well
        var later = await SubscribedAsync(ClientAuth, "demo3/*");
        await CreateAsync("demo3", new { title = "both" });
        Assert.Equal("both", Payload(await client.NextAsync())["title"]!.GetValue<string>());
        Assert.Equal("both", Payload(await later.NextAsync())["title"]!.GetValue<string>());
    }
}
