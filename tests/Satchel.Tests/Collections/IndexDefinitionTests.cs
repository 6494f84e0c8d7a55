using Satchel.Collections;

namespace Satchel.Tests.Collections;

public class IndexDefinitionTests
{
    [Fact]
    public void Parses_unique_index_with_where_and_rebuilds_it_normalised()
    {
        var idx = IndexDefinition.Parse("create unique index if not exists `idx_a` on \"posts\" (title collate nocase desc, lower(x)) where title != ''");
        Assert.True(idx.Unique);
        Assert.True(idx.Optional);
        Assert.Equal("idx_a", idx.IndexName);
        Assert.Equal("posts", idx.TableName);
        Assert.Equal(new[] { "title", "lower(x)" }, idx.Columns.Select(c => c.Name));
        Assert.Equal("nocase", idx.Columns[0].Collate);
        Assert.Equal("DESC", idx.Columns[0].Sort);
        Assert.Equal("title != ''", idx.Where);
        Assert.Equal("CREATE UNIQUE INDEX IF NOT EXISTS `idx_a` ON `posts` (\n  `title` COLLATE nocase DESC,\n  lower(x)\n) WHERE title != ''", idx.Build());
    }

    [Fact]
    public void Invalid_expression_is_not_valid()
    {
        Assert.False(IndexDefinition.Parse("create table x (a)").IsValid);
        Assert.Equal("", IndexDefinition.Parse("nonsense").Build());
    }

    [Fact]
    public void Finds_single_column_unique_index_case_insensitively()
    {
        var indexes = new[] { "CREATE INDEX a ON t (email)", "CREATE UNIQUE INDEX b ON t (email, name)", "CREATE UNIQUE INDEX c ON t (`Email`)" };
        Assert.Equal("c", IndexDefinition.FindSingleColumnUnique(indexes, "email")?.IndexName);
        Assert.Null(IndexDefinition.FindSingleColumnUnique(indexes, "name"));
    }
}
