using Satchel.Rules;
using Satchel.Rules.Syntax;

namespace Satchel.Tests.Rules;

public class SortParserTests
{
    [Fact]
    public void Parses_directions_and_special_fields()
    {
        var fields = SortParser.Parse("-created, +title,author.name,@random,-@rowid");
        Assert.Equal(
            [
                new SortField("created", SortDirection.Desc),
                new SortField("title", SortDirection.Asc),
                new SortField("author.name", SortDirection.Asc),
                new SortField("@random", SortDirection.Asc),
                new SortField("@rowid", SortDirection.Desc),
            ],
            fields);
    }

    [Fact]
    public void Empty_sort_means_no_fields() => Assert.Empty(SortParser.Parse(""));

    [Theory]
    [InlineData("a,,b")]
    [InlineData("a,")]
    [InlineData("-")]
    [InlineData("a,b,c,d,e,f,g,h,i")]
    public void Invalid_sorts_throw(string sort) => Assert.Throws<FilterException>(() => SortParser.Parse(sort));

    [Fact]
    public void Overlong_field_names_are_rejected() => Assert.Throws<FilterException>(() => SortParser.Parse(new string('a', 256)));

    [Fact]
    public void Detects_request_and_collection_fields()
    {
        Assert.True(SortParser.UsesRequestOrCollection(SortParser.Parse("title,@request.auth.title")));
        Assert.False(SortParser.UsesRequestOrCollection(SortParser.Parse("title,-@rowid")));
    }
}
