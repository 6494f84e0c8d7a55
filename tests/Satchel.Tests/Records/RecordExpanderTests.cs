using Satchel.Models;
using Record = Satchel.Models.Record;
using Satchel.Models.Fields;
using Satchel.Records;

namespace Satchel.Tests.Records;

/// <summary>The expand walk over an in-memory fetcher: one fetch per level, PocketBase's skip rules.</summary>
public class RecordExpanderTests
{
    private sealed class Store : IExpandFetcher
    {
        public readonly List<Record> All = new();
        public readonly HashSet<string> Locked = new();
        public readonly List<string> Calls = new();

        public List<Record>? ByIds(Collection collection, IReadOnlyCollection<string> ids)
        {
            Calls.Add($"{collection.Name}:{string.Join(",", ids)}");
            return Locked.Contains(collection.Name) ? null : All.Where(r => r.Collection == collection && ids.Contains(r.Id)).ToList();
        }

        public List<Record>? ByBackRelation(Collection collection, RelationField field, IReadOnlyCollection<string> parentIds)
        {
            Calls.Add($"{collection.Name}<-{field.Name}");
            return Locked.Contains(collection.Name) ? null : All.Where(r => r.Collection == collection && r.GetStrings(field.Name).Any(parentIds.Contains)).ToList();
        }
    }

    private readonly Collection _users = new() { Id = "u", Name = "users" };
    private readonly Collection _posts = new() { Id = "p", Name = "posts" };
    private readonly Collection _comments = new() { Id = "c", Name = "comments" };
    private readonly Store _store = new();

    public RecordExpanderTests()
    {
        _users.Fields.Add(SystemFields.Id());
        _posts.Fields.Add(SystemFields.Id());
        _posts.Fields.Add(new RelationField { Name = "author", CollectionId = "u", MaxSelect = 1 });
        _posts.Fields.Add(new RelationField { Name = "editors", CollectionId = "u", MaxSelect = 5 });
        _comments.Fields.Add(SystemFields.Id());
        _comments.Fields.Add(new RelationField { Name = "post", CollectionId = "p", MaxSelect = 1 });
        _comments.Fields.Add(new RelationField { Name = "by", CollectionId = "u", MaxSelect = 1 });

        Add(_users, "u1");
        Add(_users, "u2");
        Add(_posts, "p1", ("author", "u1"), ("editors", new[] { "u2", "u1" }));
        Add(_posts, "p2", ("author", "u2"));
        Add(_comments, "c1", ("post", "p1"), ("by", "u2"));
        Add(_comments, "c2", ("post", "p1"), ("by", "u1"));
    }

    private Record Add(Collection c, string id, params (string Field, object Value)[] values)
    {
        var r = new Record(c) { Id = id };
        foreach (var (f, v) in values) r.Set(f, v);
        r.MarkAsPersisted();
        _store.All.Add(r);
        return r;
    }

    private List<Record> Posts() => _store.All.Where(r => r.Collection == _posts).ToList();

    private Collection? Find(string nameOrId) => new[] { _users, _posts, _comments }.FirstOrDefault(c => c.Id == nameOrId || c.Name == nameOrId);

    [Fact]
    public void One_fetch_per_level_for_the_whole_batch()
    {
        var posts = Posts();
        RecordExpander.Expand(posts, ["author", "editors"], _store, Find);
        Assert.Equal(["users:u1,u2", "users:u2,u1"], _store.Calls);
        Assert.Equal("u1", ((Record)posts[0].Expand["author"]).Id);
        Assert.Equal(["u2", "u1"], ((List<Record>)posts[0].Expand["editors"]).Select(r => r.Id));
        Assert.False(posts[1].Expand.ContainsKey("editors"));
        Assert.True(posts[1].ExportEmptyExpand);
    }

    [Fact]
    public void Back_relations_and_nested_paths()
    {
        var posts = Posts();
        RecordExpander.Expand(posts, ["comments_via_post.by", " comments_via_post "], _store, Find);
        var comments = (List<Record>)posts[0].Expand["comments_via_post"];
        Assert.Equal(["c1", "c2"], comments.Select(c => c.Id));
        Assert.Equal("u2", ((Record)comments[0].Expand["by"]).Id);
        Assert.Equal(["comments<-post", "users:u2,u1"], _store.Calls);
    }

    [Fact]
    public void A_unique_back_relation_is_a_single_record()
    {
        _comments.Indexes.Add("CREATE UNIQUE INDEX idx_post ON comments (`post`) WHERE post != ''");
        var posts = Posts();
        RecordExpander.Expand(posts, ["comments_via_post"], _store, Find);
        Assert.IsType<Record>(posts[0].Expand["comments_via_post"]);
    }

    [Fact]
    public void Unresolvable_and_locked_paths_are_skipped()
    {
        var posts = Posts();
        _store.Locked.Add("users");
        RecordExpander.Expand(posts, ["missing", "author", "comments_via_missing", "author.x"], _store, Find);
        Assert.Empty(posts[0].Expand);
        Assert.False(posts[0].ExportEmptyExpand);

        // a path fails as a whole when none of its continuations resolves
        _store.Locked.Clear();
        var fresh = Posts();
        foreach (var p in fresh) p.Expand.Clear();
        RecordExpander.Expand(fresh, ["comments_via_post.nothing"], _store, Find);
        Assert.False(fresh[0].Expand.ContainsKey("comments_via_post"));
    }
}
