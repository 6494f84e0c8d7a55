using static Satchel.Tests.Records.Fixture;

namespace Satchel.Tests.Records;

/// <summary>PATCH /api/collections/{c}/records/{id}: update rules, modifiers and validation.</summary>
public class RecordUpdateTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private readonly RecordsApi _api = server.Api;

    [Fact]
    public async Task An_empty_body_saves_the_record_unchanged_but_for_its_updated_date()
    {
        var before = await _api.Get(One("demo2", "llvuca81nly1qls"));
        var answer = await _api.Patch(One("demo2", "llvuca81nly1qls"), null);
        Assert.Equal(200, answer.Status);
        Assert.Equal(before.Str("title"), answer.Str("title"));
        Assert.Equal(before.Str("created"), answer.Str("created"));
        Assert.NotEqual(before.Str("updated"), answer.Str("updated"));
    }

    [Fact]
    public async Task Changes_are_saved_and_the_updated_date_moves()
    {
        var answer = await _api.Patch(One("demo2", "achvryl401bhse3"), new { title = "renamed", active = false });
        Assert.Equal(200, answer.Status);
        Assert.Equal("renamed", answer.Str("title"));
        Assert.Equal("2022-10-12 11:42:55.076Z", answer.Str("created"));
        Assert.NotEqual("2022-10-14 10:52:46.726Z", answer.Str("updated"));
        Assert.Equal("renamed", (await _api.Get(One("demo2", "achvryl401bhse3"))).Str("title"));
    }

    [Fact]
    public async Task Field_validation_and_primary_key_changes_are_refused()
    {
        var shortTitle = await _api.Patch(One("demo2", "0yxhwia2amd8gec"), new { title = "a" });
        Assert.Equal(400, shortTitle.Status);
        Assert.Equal("Failed to update record.", shortTitle.Str("message"));
        Assert.Equal("validation_min_text_constraint", shortTitle.ErrorCode("title"));

        var newId = await _api.Patch(One("demo3", "mk5fmymtx4wsprk"), new { id = "mk5fmymtx4wspra" }, Superuser);
        Assert.Equal("validation_pk_change", newId.ErrorCode("id"));

        var missingRelation = await _api.Patch(One("demo4", "i9naidtvr6qsgb4"), new { self_rel_one = "missing" }, User);
        Assert.Equal("validation_missing_rel_records", missingRelation.ErrorCode("self_rel_one"));
    }

    [Fact]
    public async Task Locked_and_unsatisfied_update_rules()
    {
        Assert.Equal(403, (await _api.Patch(One("demo1", "imy661ixudk5izi"), new { text = "x" })).Status);
        // demo3 for guests and demo4 for non-"users" records: the record "isn't there"
        Assert.Equal(404, (await _api.Patch(One("demo3", "mk5fmymtx4wsprk"), new { title = "x" })).Status);
        Assert.Equal(404, (await _api.Patch(One("demo4", "i9naidtvr6qsgb4"), new { title = "x" }, Client)).Status);
        Assert.Equal(200, (await _api.Patch(One("demo4", "i9naidtvr6qsgb4"), new { title = "by a user" }, User)).Status);
        Assert.Equal(404, (await _api.Patch(One("demo4", "missing"), new { title = "x" }, Superuser)).Status);
    }

    [Fact]
    public async Task Update_rules_see_resolved_modifiers()
    {
        // demo5 updateRule: "@request.body.total = 3"; la4y2w4o98acwuj has total 2
        var refused = await _api.Patch(One("demo5", "la4y2w4o98acwuj"), new Dictionary<string, object> { ["total+"] = 2 });
        Assert.Equal(404, refused.Status);
        var answer = await _api.Patch(One("demo5", "la4y2w4o98acwuj"), new Dictionary<string, object> { ["total+"] = 2, ["total-"] = 1 });
        Assert.Equal(200, answer.Status);
        Assert.Equal(3, answer.Json["total"]!.GetValue<double>());
    }

    [Fact]
    public async Task Relation_modifiers_append_prepend_and_remove()
    {
        var url = One("demo4", "qzaqccwrmva4o1n");
        var added = await _api.Patch(url, new Dictionary<string, object>
        {
            ["rel_many_no_cascade+"] = "mk5fmymtx4wsprk",
            ["+rel_many_no_cascade"] = new[] { "7nwo8tuiatetxdm" },
        }, User);
        Assert.Equal(200, added.Status);
        Assert.Equal(["7nwo8tuiatetxdm", "1tmknxy2868d869", "mk5fmymtx4wsprk"], Strings(added, "rel_many_no_cascade"));

        var removed = await _api.Patch(url, new Dictionary<string, object> { ["rel_many_no_cascade-"] = new[] { "7nwo8tuiatetxdm", "1tmknxy2868d869" } }, User);
        Assert.Equal(["mk5fmymtx4wsprk"], Strings(removed, "rel_many_no_cascade"));
    }

    [Fact]
    public async Task View_collections_cannot_be_updated()
    {
        var answer = await _api.Patch(One("view1", "84nmscqy84lsi1t"), new { text = "new" }, Superuser);
        Assert.Equal(400, answer.Status);
        Assert.Equal("Unsupported collection type.", answer.Str("message"));
    }

    [Fact]
    public async Task Update_answers_with_the_requested_expand_for_the_requester()
    {
        var answer = await _api.Patch(One("demo4", "i9naidtvr6qsgb4", "expand=rel_one_no_cascade_required,self_rel_one"), new { title = "expanded" }, User);
        Assert.Equal(200, answer.Status);
        var expand = answer.Json["expand"]!.AsObject();
        Assert.False(expand.ContainsKey("rel_one_no_cascade_required")); // demo3 is not viewable by users
        Assert.Equal("qzaqccwrmva4o1n", expand["self_rel_one"]!["id"]!.GetValue<string>());
    }

    private static List<string> Strings(Answer answer, string key) => answer.Json[key]!.AsArray().Select(v => v!.GetValue<string>()).ToList();
}
