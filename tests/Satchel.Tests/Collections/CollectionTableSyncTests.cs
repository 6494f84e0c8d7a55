using System.Text.Json.Nodes;
using Dapper;
using Satchel.Collections;
using Satchel.Models;
using Satchel.Models.Fields;
using Satchel.Tests.Support;

namespace Satchel.Tests.Collections;

public class CollectionTableSyncTests : IDisposable
{
    private readonly TestApp _t = TestApp.Fresh();
    public void Dispose() => _t.Dispose();

    private List<string> Columns(string table)
        => _t.App.Db.Read(c => c.Query<string>("SELECT name FROM pragma_table_info(@t)", new { t = table }).ToList());

    private List<string> Indexes(string table)
        => _t.App.Db.Read(c => c.Query<string>("SELECT name FROM sqlite_master WHERE type='index' AND tbl_name=@t AND sql IS NOT NULL", new { t = table }).ToList());

    private Collection CreatePosts()
    {
        var c = CollectionDefaults.New(CollectionType.Base, "posts");
        c.Fields.Add(FieldSettings.Make("text", "title"));
        c.Fields.Add(FieldSettings.Make("number", "votes"));
        c.Fields.Add(FieldSettings.Make("select", "tags", new JsonObject { ["values"] = new JsonArray("a", "b"), ["maxSelect"] = 1 }));
        c.Indexes.Add("CREATE INDEX idx_title ON posts (title)");
        _t.App.SaveCollection(c);
        _t.App.Db.Write((conn, tx) => { conn.Execute("INSERT INTO posts (id, title, votes, tags) VALUES ('abc', 'hello', 3, 'a')", transaction: tx); });
        return _t.App.FindCollectionByNameOrId("posts")!;
    }

    [Fact]
    public void Create_makes_the_table_with_every_field_and_index()
    {
        CreatePosts();
        Assert.Equal(new[] { "id", "tags", "title", "votes" }, Columns("posts").OrderBy(x => x));
        Assert.Contains("idx_title", Indexes("posts"));
    }

    [Fact]
    public void Renames_add_drop_keep_existing_values()
    {
        var posts = CreatePosts().Clone();
        posts.Name = "articles";
        var title = posts.Fields.ByName("title")!;
        title.Name = "headline";
        posts.Fields = new FieldList(posts.Fields.Where(f => f.Name != "votes").Append(FieldSettings.Make("bool", "published")));
        posts.Indexes = new List<string> { "CREATE INDEX idx_headline ON whatever (headline)" };
        _t.App.SaveCollection(posts);

        Assert.Empty(Columns("posts"));
        Assert.Equal(new[] { "headline", "id", "published", "tags" }, Columns("articles").OrderBy(x => x));
        var row = _t.App.Db.Read(c => c.QuerySingle("SELECT * FROM articles") as IDictionary<string, object>)!;
        Assert.Equal("hello", row["headline"]);
        Assert.Equal(0L, row["published"]);
        Assert.Equal(new[] { "idx_headline" }, Indexes("articles"));
        // the stored index names the new table
        Assert.Contains("ON `articles`", _t.App.FindCollectionByNameOrId("articles")!.Indexes[0]);
    }

    [Fact]
    public void Single_to_multiple_select_converts_stored_values()
    {
        var posts = CreatePosts().Clone();
        var tags = posts.Fields.ByName("tags")!;
        posts.Fields = new FieldList(posts.Fields.Select(f => f == tags ? FieldSettings.With(f, "maxSelect", 2) : f));
        _t.App.SaveCollection(posts);
        Assert.Equal(2, FieldSettings.GetNumber(_t.App.FindCollectionByNameOrId("posts")!.Fields.ByName("tags")!, "maxSelect"));
        Assert.Equal("[\"a\"]", _t.App.Db.Read(c => c.ExecuteScalar<string>("SELECT tags FROM posts")));
    }

    [Fact]
    public void A_failing_change_leaves_table_row_and_definition_unchanged()
    {
        var posts = CreatePosts().Clone();
        posts.Name = "renamed";
        posts.Fields = new FieldList(posts.Fields.Where(f => f.Name != "votes"));
        // valid syntax, but the column does not exist: fails only when the index is created
        posts.Indexes = new List<string> { "CREATE INDEX idx_bad ON renamed (nope)" };
        var ex = Assert.Throws<CollectionValidationException>(() => _t.App.SaveCollection(posts));
        Assert.True(ex.Data.ContainsKey("indexes"));

        Assert.Equal(new[] { "id", "tags", "title", "votes" }, Columns("posts").OrderBy(x => x));
        Assert.Empty(Columns("renamed"));
        Assert.Equal(3.0, _t.App.Db.Read(c => c.ExecuteScalar<double>("SELECT votes FROM posts WHERE id='abc'")));
        Assert.Equal("posts", _t.App.FindCollectionByNameOrId(posts.Id)!.Name);
        Assert.Contains("idx_title", Indexes("posts"));
    }

    [Fact]
    public void Delete_drops_the_table_and_refuses_referenced_or_system_collections()
    {
        var posts = CreatePosts();
        var comments = CollectionDefaults.New(CollectionType.Base, "comments");
        comments.Fields.Add(FieldSettings.Make("relation", "post", new JsonObject { ["collectionId"] = posts.Id, ["maxSelect"] = 1 }));
        _t.App.SaveCollection(comments);

        Assert.Throws<CollectionDeleteException>(() => _t.App.DeleteCollection(posts));
        Assert.Throws<CollectionDeleteException>(() => _t.App.DeleteCollection(_t.App.FindCollectionByNameOrId("_mfas")!));

        // Files are deleted through the storage in use: the local one here.
        _t.App.Files.Register(Satchel.Files.FileSystemNames.Local, _ => new Satchel.Plugins.FilesLocal.LocalFileSystem(Path.Combine(_t.App.DataDir, "storage")));
        var storage = Path.Combine(_t.App.DataDir, "storage", comments.Id);
        Directory.CreateDirectory(Path.Combine(storage, "rec1"));
        File.WriteAllText(Path.Combine(storage, "rec1", "a.txt"), "a");
        _t.App.DeleteCollection(_t.App.FindCollectionByNameOrId("comments")!);
        Assert.Empty(Columns("comments"));
        Assert.Null(_t.App.FindCollectionByNameOrId("comments"));
        Assert.False(Directory.Exists(storage));
        _t.App.DeleteCollection(_t.App.FindCollectionByNameOrId("posts")!);
        Assert.Empty(Columns("posts"));
    }
}
