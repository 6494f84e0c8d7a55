using static Satchel.Tests.Records.Fixture;

namespace Satchel.Tests.Records;

/// <summary>
/// The filter language through GET …/records?filter=, every operator family over the fixture's
/// demo1 records: 84nmscqy84lsi1t ("test", number 123456, select_many [optionB, optionC]),
/// al1h9ijdeojtsjy ("test2", 456, [optionB], rel_one → 84n) and imy661ixudk5izi ("lorem ipsum", 0, []).
/// </summary>
public class RecordFilterTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private const string A = "84nmscqy84lsi1t";
    private const string B = "al1h9ijdeojtsjy";
    private const string C = "imy661ixudk5izi";

    private readonly RecordsApi _api = server.Api;

    private async Task<List<string>> Ids(string filter, string collection = "demo1", string? token = Superuser)
    {
        var answer = await _api.Get(List(collection, "sort=@rowid&filter=" + Uri.EscapeDataString(filter)), token);
        Assert.True(answer.Status == 200, $"{filter}: {answer}");
        return answer.Ids;
    }

    [Theory]
    [InlineData("text = 'test'", new[] { A })]
    [InlineData("text != 'test'", new[] { B, C })]
    [InlineData("number > 456", new[] { A })]
    [InlineData("number >= 456", new[] { A, B })]
    [InlineData("number < 456", new[] { C })]
    [InlineData("number <= 456", new[] { B, C })]
    [InlineData("text ~ 'ipsu'", new[] { C })]
    [InlineData("text ~ 'test%'", new[] { A, B })]
    [InlineData("text !~ 'test'", new[] { C })]
    [InlineData("email = null", new[] { C })]
    [InlineData("email = ''", new[] { C })]
    [InlineData("email != null", new[] { A, B })]
    [InlineData("bool = true", new[] { A })]
    [InlineData("bool = false && number > 0", new[] { B })]
    [InlineData("(number > 200 && bool = true) || text = 'lorem ipsum'", new[] { A, C })]
    [InlineData("datetime >= '2022-10-01 00:00:00.000Z'", new[] { A })]
    [InlineData("created < @now && created > '2022-01-01'", new[] { A, B, C })]
    [InlineData("point.lon > 0", new[] { B })]
    [InlineData("id = 'al1h9ijdeojtsjy' // comment", new[] { B })]
    public async Task Plain_operators(string filter, string[] expected)
        => Assert.Equal(expected, await Ids(filter));

    [Theory]
    [InlineData("select_many:each ?= 'optionC'", new[] { A })]
    [InlineData("select_many:each ?!= 'optionB'", new[] { A, C })]
    [InlineData("select_many:each ?~ 'tionC'", new[] { A })]
    [InlineData("rel_many.id ?= '4q1xlclmfloku33'", new[] { B })]
    [InlineData("rel_many.id ?!= 'oap640cot4yru2s'", new[] { B, C })]
    [InlineData("rel_many.username ?> 'users7'", new[] { B })]
    [InlineData("rel_many.username ?>= 'users75657'", new[] { B })]
    [InlineData("rel_many.username ?< 'u'", new[] { A, B })]
    [InlineData("rel_many.username ?<= 'test2_username'", new[] { A, B })]
    public async Task Any_of_operators(string filter, string[] expected)
        => Assert.Equal(expected, await Ids(filter));

    [Theory]
    [InlineData("select_many:each = 'optionB' && select_many:length > 0", new[] { B })]
    [InlineData("select_many:length = 2", new[] { A })]
    [InlineData("select_many:length = 0", new[] { C })]
    [InlineData("select_many:each ~ 'option'", new[] { A, B })]
    [InlineData("text:lower = 'lorem ipsum'", new[] { C })]
    [InlineData("select_many ~ 'optionC'", new[] { A })]
    [InlineData("text:lower = 'test2'", new[] { B })]
    public async Task All_of_semantics_and_modifiers(string filter, string[] expected)
        => Assert.Equal(expected, await Ids(filter));

    [Theory]
    [InlineData("rel_one.text = 'test'", new[] { B })]
    [InlineData("rel_one.rel_one.id = '' && rel_one != ''", new[] { B })]
    [InlineData("demo1_via_rel_one.text ?= 'test2'", new[] { A })]
    [InlineData("@collection.demo2.title ?= text", new[] { B })]
    [InlineData("@request.auth.collectionName = '_superusers'", new[] { A, B, C })]
    public async Task Relations_back_relations_and_superuser_only_identifiers(string filter, string[] expected)
        => Assert.Equal(expected, await Ids(filter));

    [Fact]
    public async Task Guests_filter_public_collections()
    {
        Assert.Equal(["achvryl401bhse3", "0yxhwia2amd8gec"], await Ids("active = true", "demo2", null));
        Assert.Equal(["i9naidtvr6qsgb4"], await Ids("json_object.a.b = 'test'", "demo4", null));
        Assert.Equal(["qzaqccwrmva4o1n"], await Ids("self_rel_many:length = 2", "demo4", null));
    }

    [Theory]
    [InlineData("invalid~'test'")]
    [InlineData("title = ")]
    [InlineData("(title = 'a'")]
    [InlineData("missing_field = 1")]
    [InlineData("title ?? 1")]
    public async Task Invalid_filters_are_400(string filter)
    {
        var answer = await _api.Get(List("demo2", "filter=" + Uri.EscapeDataString(filter)));
        Assert.Equal(400, answer.Status);
        Assert.Empty(answer.Json["data"]!.AsObject());
        Assert.DoesNotContain("SELECT", answer.Raw, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("filter", "@collection.demo1.id ?= id", "@collection.")]
    [InlineData("filter", "@request.auth.id = ''", "@request.")]
    [InlineData("sort", "@request.auth.title", "@request.")]
    public async Task Superuser_only_identifiers_are_403_for_others(string parameter, string value, string prefix)
    {
        var url = List("demo2", parameter + "=" + Uri.EscapeDataString(value));
        var guest = await _api.Get(url);
        Assert.Equal(403, guest.Status);
        Assert.Equal("Only superusers can filter by " + prefix, guest.Str("message"));
        Assert.Equal(403, (await _api.Get(url, User)).Status);
        Assert.NotEqual(403, (await _api.Get(url, Superuser)).Status);
    }

    [Fact]
    public async Task Hidden_fields_are_filterable_by_superusers_only()
    {
        var guest = await _api.Get(List("nologin", "filter=" + Uri.EscapeDataString("tokenKey != ''")));
        Assert.Equal(400, guest.Status);
        var su = await _api.Get(List("nologin", "filter=" + Uri.EscapeDataString("tokenKey != ''")), Superuser);
        Assert.Equal(3, su.Items.Count);
    }

    [Fact]
    public async Task A_filter_sees_related_records_only_through_their_list_rule()
    {
        // demo4 is public but its relations point at demo3, listable only by non-"users" auth records
        const string filter = "rel_one_no_cascade.title = 'test4'";
        Assert.Empty(await Ids(filter, "demo4", null));
        Assert.Empty(await Ids(filter, "demo4", User));
        Assert.Equal(["qzaqccwrmva4o1n"], await Ids(filter, "demo4", Client));
        Assert.Equal(["qzaqccwrmva4o1n"], await Ids(filter, "demo4", Superuser));
    }
}
