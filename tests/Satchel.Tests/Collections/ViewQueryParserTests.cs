using Satchel.Collections.Views;

namespace Satchel.Tests.Collections;

public class ViewQueryParserTests
{
    [Fact]
    public void Reads_columns_with_aliases_and_tables_with_joins()
    {
        var p = ViewQueryParser.Parse("""
            SELECT posts.id, posts.name as title, count(comments.id) totalComments
            FROM posts
            LEFT JOIN comments c on c.postId = posts.id
            WHERE posts.id != '' GROUP BY posts.id
            """);
        Assert.Equal(new[] { ("posts.id", "id"), ("posts.name", "title"), ("count(comments.id)", "totalComments") },
            p.Columns.Select(c => (c.Original, c.Alias)));
        Assert.Equal(new[] { ("posts", "posts"), ("comments", "c") }, p.Tables.Select(t => (t.Original, t.Alias)));
    }

    [Fact]
    public void Strips_quotes_and_comments()
    {
        var p = ViewQueryParser.Parse("select `a`.\"b\" as 'c' -- comment\n from [a]");
        Assert.Equal(("a.b", "c"), (p.Columns[0].Original, p.Columns[0].Alias));
        Assert.Equal("a", p.Tables[0].Original);
    }

    [Fact]
    public void Rejects_malformed_identifiers()
    {
        Assert.Throws<FormatException>(() => ViewQueryParser.Parse("select a b c d from t"));
        Assert.Throws<FormatException>(() => ViewQueryParser.Parse("select (a from t"));
    }
}
