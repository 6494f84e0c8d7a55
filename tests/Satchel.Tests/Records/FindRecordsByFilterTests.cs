using Satchel.Errors;
using Satchel.Tests.Support;

namespace Satchel.Tests.Records;

/// <summary><see cref="IApp.FindRecordsByFilter"/>: the records query plugins and hooks use, over the PocketBase fixture.</summary>
public sealed class FindRecordsByFilterTests : IDisposable
{
    private readonly TestApp _t = TestApp.Fixture();
    private IApp App => _t.App;

    public void Dispose() => _t.Dispose();

    private static Dictionary<string, object?> Args(params (string Name, object? Value)[] values)
        => values.ToDictionary(v => v.Name, v => v.Value);

    [Fact]
    public void Filters_with_bound_placeholders_and_sorts()
    {
        var found = App.FindRecordsByFilter("demo2", "active = {:active} && title != {:title}", "-title",
            parameters: Args(("active", true), ("title", "test2")));
        Assert.Equal(new[] { "test3" }, found.Select(r => r.GetString("title")));

        var all = App.FindRecordsByFilter("demo2", "", "-title");
        Assert.Equal(new[] { "test3", "test2", "test1" }, all.Select(r => r.GetString("title")));
    }

    [Fact]
    public void Pages_with_limit_and_offset()
    {
        Assert.Equal(new[] { "test2" }, App.FindRecordsByFilter("demo2", "", "title", limit: 1, offset: 1).Select(r => r.GetString("title")));
        Assert.Equal(new[] { "test2", "test3" }, App.FindRecordsByFilter("demo2", "", "title", offset: 1).Select(r => r.GetString("title")));
    }

    [Fact]
    public void A_placeholder_value_is_data_not_syntax()
    {
        var found = App.FindRecordsByFilter("demo2", "title = {:title}", parameters: Args(("title", "test1' OR 1=1 --")));
        Assert.Empty(found);
    }

    [Fact]
    public void Hidden_fields_are_filterable_and_records_come_back_whole()
    {
        var user = Assert.Single(App.FindRecordsByFilter("users", "email = {:email}", parameters: Args(("email", "test2@example.com"))));
        Assert.Equal("oap640cot4yru2s", user.Id);
        Assert.False(string.IsNullOrEmpty(user.GetString("tokenKey")));
    }

    [Fact]
    public void An_invalid_filter_or_unknown_collection_is_a_4xx()
    {
        Assert.Equal(400, Assert.ThrowsAny<ApiException>(() => App.FindRecordsByFilter("demo2", "title ==")).Status);
        Assert.Equal(400, Assert.ThrowsAny<ApiException>(() => App.FindRecordsByFilter("demo2", "nosuchfield = 1")).Status);
        Assert.Equal(400, Assert.ThrowsAny<ApiException>(() => App.FindRecordsByFilter("demo2", "title = {:missing}")).Status);
        Assert.Equal(404, Assert.ThrowsAny<ApiException>(() => App.FindRecordsByFilter("nosuch", "")).Status);
    }
}
