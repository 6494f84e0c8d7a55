using static Satchel.Tests.Records.Fixture;

namespace Satchel.Tests.Records;

/// <summary>GET /api/collections/{c}/records: paging, sorting, list rules and email visibility.</summary>
public class RecordListTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private readonly RecordsApi _api = server.Api;

    [Fact]
    public async Task Public_collection_lists_every_record_with_the_default_page()
    {
        var answer = await _api.Get(List("demo2"));
        Assert.Equal(200, answer.Status);
        Assert.Equal(1, (int)answer.Json["page"]!);
        Assert.Equal(30, (int)answer.Json["perPage"]!);
        Assert.Equal(3, (int)answer.Json["totalItems"]!);
        Assert.Equal(1, (int)answer.Json["totalPages"]!);
        Assert.Equal(["0yxhwia2amd8gec", "achvryl401bhse3", "llvuca81nly1qls"], answer.Ids.Order().ToList());
        var first = answer.Items[0]!.AsObject();
        Assert.Equal("demo2", first["collectionName"]!.GetValue<string>());
        Assert.Equal("sz5l5z67tg7gku0", first["collectionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_collection_may_be_named_by_its_id()
    {
        var answer = await _api.Get(List("sz5l5z67tg7gku0"));
        Assert.Equal(200, answer.Status);
        Assert.Equal(3, answer.Items.Count);
    }

    [Fact]
    public async Task Unknown_collection_is_404()
    {
        var answer = await _api.Get(List("missing"));
        Assert.Equal(404, answer.Status);
        Assert.Empty(answer.Json["data"]!.AsObject());
    }

    [Theory]
    [InlineData("perPage=2&page=1", 1, 2, 2, 3, 2)]
    [InlineData("perPage=2&page=2", 2, 2, 1, 3, 2)]
    [InlineData("perPage=2&page=3", 3, 2, 0, 3, 2)]
    [InlineData("perPage=0&page=0", 1, 30, 3, 3, 1)]
    [InlineData("perPage=-5&page=-1", 1, 30, 3, 3, 1)]
    [InlineData("perPage=5000", 1, 1000, 3, 3, 1)]
    [InlineData("perPage=1&skipTotal=1", 1, 1, 1, -1, -1)]
    [InlineData("perPage=1&skipTotal=true", 1, 1, 1, -1, -1)]
    [InlineData("perPage=1&skipTotal=false", 1, 1, 1, 3, 3)]
    public async Task Paging_follows_PocketBase(string query, int page, int perPage, int items, int totalItems, int totalPages)
    {
        var answer = await _api.Get(List("demo2", query));
        Assert.Equal(200, answer.Status);
        Assert.Equal(page, (int)answer.Json["page"]!);
        Assert.Equal(perPage, (int)answer.Json["perPage"]!);
        Assert.Equal(items, answer.Items.Count);
        Assert.Equal(totalItems, (int)answer.Json["totalItems"]!);
        Assert.Equal(totalPages, (int)answer.Json["totalPages"]!);
    }

    [Theory]
    [InlineData("page=abc")]
    [InlineData("perPage=1.5")]
    [InlineData("perPage=%201")]
    [InlineData("skipTotal=yes")]
    public async Task Unparsable_paging_values_are_400(string query)
    {
        var answer = await _api.Get(List("demo2", query));
        Assert.Equal(400, answer.Status);
        Assert.Empty(answer.Json["data"]!.AsObject());
    }

    [Fact]
    public async Task Pages_do_not_overlap_and_cover_the_list()
    {
        var all = (await _api.Get(List("demo2", "sort=title"))).Ids;
        var paged = new List<string>();
        for (var page = 1; page <= 3; page++) paged.AddRange((await _api.Get(List("demo2", $"sort=title&perPage=1&page={page}"))).Ids);
        Assert.Equal(all, paged);
    }

    [Theory]
    [InlineData("-number", new[] { "84nmscqy84lsi1t", "al1h9ijdeojtsjy", "imy661ixudk5izi" })]
    [InlineData("number", new[] { "imy661ixudk5izi", "al1h9ijdeojtsjy", "84nmscqy84lsi1t" })]
    [InlineData("-created", new[] { "imy661ixudk5izi", "al1h9ijdeojtsjy", "84nmscqy84lsi1t" })]
    [InlineData("+created", new[] { "84nmscqy84lsi1t", "al1h9ijdeojtsjy", "imy661ixudk5izi" })]
    [InlineData("bool,-text", new[] { "al1h9ijdeojtsjy", "imy661ixudk5izi", "84nmscqy84lsi1t" })]
    [InlineData("-@rowid", new[] { "imy661ixudk5izi", "al1h9ijdeojtsjy", "84nmscqy84lsi1t" })]
    public async Task Sort_orders_by_fields_and_directions(string sort, string[] expected)
    {
        var answer = await _api.Get(List("demo1", "sort=" + Uri.EscapeDataString(sort)), Superuser);
        Assert.Equal(200, answer.Status);
        Assert.Equal(expected, answer.Ids);
    }

    [Fact]
    public async Task Sort_by_a_relation_path_joins_the_related_record()
    {
        // qzaq → self_rel_one i9na ("test2"); i9na → self_rel_one qzaq ("test1")
        var asc = await _api.Get(List("demo4", "sort=self_rel_one.title"));
        Assert.Equal(["i9naidtvr6qsgb4", "qzaqccwrmva4o1n"], asc.Ids);
        var desc = await _api.Get(List("demo4", "sort=-self_rel_one.title"));
        Assert.Equal(["qzaqccwrmva4o1n", "i9naidtvr6qsgb4"], desc.Ids);
    }

    [Fact]
    public async Task Random_sort_returns_every_record()
    {
        var answer = await _api.Get(List("demo1", "sort=@random"), Superuser);
        Assert.Equal(200, answer.Status);
        Assert.Equal(["84nmscqy84lsi1t", "al1h9ijdeojtsjy", "imy661ixudk5izi"], answer.Ids.Order().ToList());
    }

    [Theory]
    [InlineData("unknown_field")]
    [InlineData("-")]
    [InlineData("a,,b")]
    public async Task Invalid_sort_is_400(string sort)
    {
        var answer = await _api.Get(List("demo2", "sort=" + Uri.EscapeDataString(sort)));
        Assert.Equal(400, answer.Status);
    }

    [Fact]
    public async Task Locked_list_rule_is_for_superusers_only()
    {
        var guest = await _api.Get(List("demo1"));
        Assert.Equal(403, guest.Status);
        Assert.Equal("Only superusers can perform this action.", guest.Str("message"));

        Assert.Equal(403, (await _api.Get(List("demo1"), User)).Status);
        Assert.Equal(3, (await _api.Get(List("demo1"), Superuser)).Items.Count);
    }

    [Fact]
    public async Task A_list_rule_filters_instead_of_refusing()
    {
        // demo3: "@request.auth.id != '' && @request.auth.collectionName != 'users'"
        var guest = await _api.Get(List("demo3"));
        Assert.Equal(200, guest.Status);
        Assert.Equal(0, (int)guest.Json["totalItems"]!);
        Assert.Empty(guest.Items);

        Assert.Empty((await _api.Get(List("demo3"), User)).Items);
        Assert.Equal(4, (await _api.Get(List("demo3"), Client)).Items.Count);
        Assert.Equal(4, (await _api.Get(List("demo3"), Superuser)).Items.Count);
    }

    [Fact]
    public async Task List_rules_over_multi_values_and_view_collections()
    {
        // demo5: "select_many:length = 3"
        Assert.Equal(["qjeql998mtp1azp"], (await _api.Get(List("demo5"))).Ids);
        // view1: "@request.auth.id != '' && bool = true"
        Assert.Empty((await _api.Get(List("view1"))).Items);
        Assert.Equal(["84nmscqy84lsi1t"], (await _api.Get(List("view1"), User)).Ids);
    }

    [Fact]
    public async Task View_collections_with_numeric_ids_are_listed()
    {
        var answer = await _api.Get(List("numeric_id_view"));
        Assert.Equal(200, answer.Status);
        Assert.Equal(["1", "2"], answer.Ids.Order().ToList());
        Assert.Equal(2, (int)answer.Json["totalItems"]!);
    }

    [Fact]
    public async Task The_list_rule_and_the_filter_combine()
    {
        var answer = await _api.Get(List("demo3", "filter=" + Uri.EscapeDataString("title = 'test2' || title = 'test3'")), Client);
        Assert.Equal(["lcl9d87w22ml6jy", "7nwo8tuiatetxdm"], answer.Ids);
        Assert.Equal(2, (int)answer.Json["totalItems"]!);
    }

    [Fact]
    public async Task Emails_are_shown_by_visibility_owner_manager_and_superuser()
    {
        static HashSet<string> Emails(Answer a) => a.Items.Select(i => i!["email"]?.GetValue<string>()).OfType<string>().ToHashSet();

        var guest = await _api.Get(List("nologin"));
        Assert.Equal(["test2@example.com"], Emails(guest)); // only phhq3wr65cap535 has emailVisibility on
        Assert.All(guest.Items, i => Assert.False(i!.AsObject().ContainsKey("tokenKey") || i.AsObject().ContainsKey("password")));

        var owner = await _api.Impersonate("nologin", "dc49k6jgejn40h3");
        Assert.Equal(["test@example.com", "test2@example.com"], Emails(await _api.Get(List("nologin"), owner)));

        // nologin's manageRule lets any "users" record manage it
        Assert.Equal(["test@example.com", "test2@example.com", "test3@example.com"], Emails(await _api.Get(List("nologin"), User)));
        Assert.Equal(3, Emails(await _api.Get(List("nologin"), Superuser)).Count);
    }
}
