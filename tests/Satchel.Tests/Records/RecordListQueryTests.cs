using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Satchel.Errors;
using Satchel.Records;

namespace Satchel.Tests.Records;

public class RecordListQueryTests
{
    private static RecordListQuery Parse(string query)
        => RecordListQuery.From(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)));

    [Theory]
    [InlineData("", 1, 30, false, 0L)]
    [InlineData("?page=3&perPage=10", 3, 10, false, 20L)]
    [InlineData("?page=-2&perPage=0", 1, 30, false, 0L)]
    [InlineData("?perPage=1001", 1, 1000, false, 0L)]
    [InlineData("?page=%2B2&perPage=%2B5&skipTotal=T", 2, 5, true, 5L)]
    [InlineData("?page=99999999999&perPage=1000", int.MaxValue, 1000, false, (int.MaxValue - 1L) * 1000)]
    public void Values_and_fallbacks(string query, int page, int perPage, bool skipTotal, long offset)
    {
        var q = Parse(query);
        Assert.Equal((page, perPage, skipTotal, offset), (q.Page, q.PerPage, q.SkipTotal, q.Offset));
    }

    [Theory]
    [InlineData("?page=1.0")]
    [InlineData("?perPage=ten")]
    [InlineData("?skipTotal=yes")]
    [InlineData("?page=%201")]
    public void Unparsable_values_are_a_bad_request(string query)
    {
        var e = Assert.Throws<ApiException>(() => Parse(query));
        Assert.Equal(400, e.Status);
    }

    [Fact]
    public void Total_pages_round_up()
    {
        var q = Parse("?perPage=30");
        Assert.Equal(0, q.TotalPages(0));
        Assert.Equal(1, q.TotalPages(30));
        Assert.Equal(2, q.TotalPages(31));
    }
}
