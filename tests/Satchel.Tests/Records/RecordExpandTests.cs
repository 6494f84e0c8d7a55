using System.Text.Json.Nodes;
using static Satchel.Tests.Records.Fixture;

namespace Satchel.Tests.Records;

/// <summary>?expand= and ?fields= on records answers.</summary>
public class RecordExpandTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private readonly RecordsApi _api = server.Api;

    [Fact]
    public async Task Single_and_multiple_relations_expand_in_field_order()
    {
        var answer = await _api.Get(One("demo4", "qzaqccwrmva4o1n", "expand=rel_one_no_cascade,rel_many_no_cascade_required"), Client);
        Assert.Equal(200, answer.Status);
        var expand = answer.Json["expand"]!.AsObject();
        Assert.Equal("mk5fmymtx4wsprk", expand["rel_one_no_cascade"]!["id"]!.GetValue<string>());
        Assert.Equal("demo3", expand["rel_one_no_cascade"]!["collectionName"]!.GetValue<string>());
        var many = expand["rel_many_no_cascade_required"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(["lcl9d87w22ml6jy", "1tmknxy2868d869"], many);
    }

    [Fact]
    public async Task Relations_the_requester_may_not_view_are_left_out()
    {
        // demo3's viewRule refuses "users" records and guests: the expand object stays, empty
        foreach (var token in new[] { User, null })
        {
            var answer = await _api.Get(One("demo4", "qzaqccwrmva4o1n", "expand=rel_one_no_cascade,rel_many_no_cascade_required"), token);
            Assert.Equal(200, answer.Status);
            Assert.Empty(answer.Json["expand"]!.AsObject());
            Assert.Equal("mk5fmymtx4wsprk", answer.Str("rel_one_no_cascade"));
        }
    }

    [Fact]
    public async Task Unknown_paths_are_skipped_without_an_expand_object()
    {
        var answer = await _api.Get(One("demo4", "qzaqccwrmva4o1n", "expand=missing,title"), Client);
        Assert.Equal(200, answer.Status);
        Assert.False(answer.Json.ContainsKey("expand"));

        // a path whose only continuation fails is dropped entirely
        var nested = await _api.Get(One("demo4", "qzaqccwrmva4o1n", "expand=self_rel_one.missing"));
        Assert.False(nested.Json.ContainsKey("expand"));
    }

    [Fact]
    public async Task Nested_relations_expand_level_by_level()
    {
        var answer = await _api.Get(One("demo5", "qjeql998mtp1azp", "expand=rel_one.self_rel_one,rel_many"), Superuser);
        Assert.Equal(200, answer.Status);
        var relOne = answer.Json["expand"]!["rel_one"]!;
        Assert.Equal("i9naidtvr6qsgb4", relOne["id"]!.GetValue<string>());
        Assert.Equal("qzaqccwrmva4o1n", relOne["expand"]!["self_rel_one"]!["id"]!.GetValue<string>());
        var many = answer.Json["expand"]!["rel_many"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(["qzaqccwrmva4o1n", "i9naidtvr6qsgb4"], many);
    }

    [Fact]
    public async Task Expansion_stops_after_six_levels()
    {
        var path = string.Join('.', Enumerable.Repeat("self_rel_one", 8));
        var answer = await _api.Get(One("demo4", "qzaqccwrmva4o1n", "expand=" + path));
        var depth = 0;
        JsonNode? node = answer.Json;
        while (node?["expand"]?["self_rel_one"] is { } next)
        {
            depth++;
            node = next;
        }
        Assert.Equal(6, depth);
    }

    [Fact]
    public async Task Back_relations_expand_as_lists()
    {
        var answer = await _api.Get(One("demo3", "lcl9d87w22ml6jy", "expand=demo4_via_rel_one_no_cascade_required"), Superuser);
        Assert.Equal(200, answer.Status);
        var back = answer.Json["expand"]!["demo4_via_rel_one_no_cascade_required"]!.AsArray();
        Assert.Equal(["qzaqccwrmva4o1n", "i9naidtvr6qsgb4"], back.Select(r => r!["id"]!.GetValue<string>()).ToList());

        // a single relation pointing back is still a list
        var single = await _api.Get(One("demo4", "i9naidtvr6qsgb4", "expand=demo5_via_rel_one"), Superuser);
        Assert.Equal(["qjeql998mtp1azp"], single.Json["expand"]!["demo5_via_rel_one"]!.AsArray().Select(r => r!["id"]!.GetValue<string>()).ToList());
    }

    [Fact]
    public async Task Back_relations_through_a_unique_field_expand_as_one_record()
    {
        var set = await _api.Patch(One("demo4", "i9naidtvr6qsgb4"), new { rel_one_unique = "7nwo8tuiatetxdm" }, Superuser);
        Assert.Equal(200, set.Status);
        var answer = await _api.Get(One("demo3", "7nwo8tuiatetxdm", "expand=demo4_via_rel_one_unique"), Superuser);
        Assert.Equal("i9naidtvr6qsgb4", answer.Json["expand"]!["demo4_via_rel_one_unique"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Expanded_records_follow_their_own_view_rule_and_email_visibility()
    {
        // view2 is public; its rel_many points at users, whose viewRule shows a user only itself
        var answer = await _api.Get(One("view2", "al1h9ijdeojtsjy", "expand=rel_many"), User);
        Assert.Equal(200, answer.Status);
        var users = answer.Json["expand"]!["rel_many"]!.AsArray();
        Assert.Single(users);
        Assert.Equal(UserId, users[0]!["id"]!.GetValue<string>());
        Assert.Equal("test@example.com", users[0]!["email"]!.GetValue<string>());

        var su = await _api.Get(One("demo1", "al1h9ijdeojtsjy", "expand=rel_many"), Superuser);
        var all = su.Json["expand"]!["rel_many"]!.AsArray();
        Assert.Equal(3, all.Count);
        Assert.All(all, u => Assert.NotNull(u!["email"]));
    }

    [Fact]
    public async Task Lists_expand_every_item_in_one_go()
    {
        var answer = await _api.Get(List("demo4", "sort=@rowid&expand=self_rel_one,self_rel_many"));
        Assert.Equal(200, answer.Status);
        Assert.Equal("i9naidtvr6qsgb4", answer.Items[0]!["expand"]!["self_rel_one"]!["id"]!.GetValue<string>());
        Assert.Equal("qzaqccwrmva4o1n", answer.Items[1]!["expand"]!["self_rel_one"]!["id"]!.GetValue<string>());
        Assert.Equal(2, answer.Items[0]!["expand"]!["self_rel_many"]!.AsArray().Count);
        Assert.False(answer.Items[1]!["expand"]!.AsObject().ContainsKey("self_rel_many"));
    }

    [Fact]
    public async Task Fields_pick_keys_also_inside_expand_and_in_lists()
    {
        var answer = await _api.Get(One("demo4", "qzaqccwrmva4o1n", "expand=self_rel_one&fields=" + Uri.EscapeDataString("id,expand.self_rel_one.title")));
        Assert.Equal(["expand", "id"], answer.Json.Select(p => p.Key).Order().ToList());
        Assert.Equal(["title"], answer.Json["expand"]!["self_rel_one"]!.AsObject().Select(p => p.Key).ToList());

        var list = await _api.Get(List("demo2", "fields=id"));
        Assert.Equal(3, (int)list.Json["totalItems"]!);
        Assert.All(list.Items, i => Assert.Equal(["id"], i!.AsObject().Select(p => p.Key).ToList()));
    }

    [Fact]
    public async Task Fields_excerpt_shortens_text()
    {
        var answer = await _api.Get(One("demo1", "imy661ixudk5izi", "fields=" + Uri.EscapeDataString("id,text:excerpt(5,true)")), Superuser);
        Assert.Equal("lorem...", answer.Str("text"));
        var star = await _api.Get(One("demo2", "0yxhwia2amd8gec", "fields=" + Uri.EscapeDataString("*,title:excerpt(2)")));
        Assert.Equal("te", star.Str("title"));
        Assert.Equal("0yxhwia2amd8gec", star.Str("id"));
    }
}
