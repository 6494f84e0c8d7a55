using Satchel.Models;
using Satchel.Models.Fields;
using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;

namespace Satchel.Tests.Rules;

/// <summary>
/// A small PocketBase-like schema with data for executing record filters:
/// organizations ← users (auth) ← posts → tags, with comments/likes/secrets pointing back at posts.
/// </summary>
internal sealed class RulesFixture : IDisposable
{
    public const string Schema = """
        CREATE TABLE organizations (id TEXT PRIMARY KEY, name TEXT DEFAULT '' NOT NULL, country TEXT DEFAULT '' NOT NULL);
        CREATE TABLE users (id TEXT PRIMARY KEY, email TEXT DEFAULT '' NOT NULL, emailVisibility BOOLEAN DEFAULT FALSE NOT NULL,
            verified BOOLEAN DEFAULT FALSE NOT NULL, password TEXT DEFAULT '' NOT NULL, tokenKey TEXT DEFAULT '' NOT NULL,
            name TEXT DEFAULT '' NOT NULL, organization TEXT DEFAULT '' NOT NULL, role TEXT DEFAULT '' NOT NULL);
        CREATE TABLE tags (id TEXT PRIMARY KEY, name TEXT DEFAULT '' NOT NULL, secret TEXT DEFAULT '' NOT NULL);
        CREATE TABLE posts (id TEXT PRIMARY KEY, title TEXT DEFAULT '' NOT NULL, status TEXT DEFAULT '' NOT NULL,
            categories JSON DEFAULT '[]' NOT NULL, author TEXT DEFAULT '' NOT NULL, tags JSON DEFAULT '[]' NOT NULL,
            attachments JSON DEFAULT '[]' NOT NULL, views NUMERIC DEFAULT 0 NOT NULL, data JSON DEFAULT NULL,
            location JSON DEFAULT '{"lon":0,"lat":0}' NOT NULL, parent TEXT DEFAULT '' NOT NULL, created TEXT DEFAULT '' NOT NULL);
        CREATE TABLE comments (id TEXT PRIMARY KEY, post TEXT DEFAULT '' NOT NULL, text TEXT DEFAULT '' NOT NULL, author TEXT DEFAULT '' NOT NULL);
        CREATE TABLE likes (id TEXT PRIMARY KEY, posts JSON DEFAULT '[]' NOT NULL, user TEXT DEFAULT '' NOT NULL);
        CREATE TABLE secrets (id TEXT PRIMARY KEY, post TEXT DEFAULT '' NOT NULL, code TEXT DEFAULT '' NOT NULL);

        INSERT INTO organizations VALUES ('o1', 'Acme', 'BG'), ('o2', 'Globex', 'US');
        INSERT INTO users (id, email, emailVisibility, name, organization, role) VALUES
            ('u1', 'a@x.com', TRUE, 'Alice', 'o1', 'admin'),
            ('u2', 'b@x.com', FALSE, 'Bob', 'o2', 'member'),
            ('u3', 'c@x.com', TRUE, 'Carol', '', 'member');
        INSERT INTO tags VALUES ('t1', 'red', 's1'), ('t2', 'green', 's2'), ('t3', 'blue', 's3');
        INSERT INTO posts VALUES
            ('p1', 'Hello', 'published', '["news","tech"]', 'u1', '["t1","t2"]', '["a.png","b.pdf"]', 10, '{"a":{"b":5},"list":[1,2]}', '{"lon":23.32,"lat":42.69}', '', '2024-05-10 10:00:00.000Z'),
            ('p2', 'World', 'draft', '["news"]', 'u2', '["t1"]', '[]', 0, NULL, '{"lon":0,"lat":0}', 'p1', '2024-05-01 10:00:00.000Z'),
            ('p3', 'Empty', '', '[]', '', '[]', '["c.png"]', 5, '1', '{"lon":24.75,"lat":42.14}', 'p2', '2023-01-01 10:00:00.000Z'),
            ('p4', 'Red and blue', 'published', '["tech"]', 'u3', '["t1","t3"]', '[]', 7, '"x"', '{"lon":0,"lat":0}', 'p3', '2024-05-10 20:00:00.000Z');
        INSERT INTO comments VALUES ('c1', 'p1', 'nice', 'u2'), ('c2', 'p1', 'private', 'u3'), ('c3', 'p2', 'meh', 'u1');
        INSERT INTO likes VALUES ('l1', '["p1","p2"]', 'u1'), ('l2', '["p1"]', 'u2');
        INSERT INTO secrets VALUES ('s1', 'p1', 'x');
        """;

    public SqliteTestDb Db { get; } = new(Schema);
    public Dictionary<string, Collection> Collections { get; } = new();

    public Collection Organizations { get; }
    public Collection Users { get; }
    public Collection Tags { get; }
    public Collection Posts { get; }
    public Collection Comments { get; }
    public Collection Likes { get; }
    public Collection Secrets { get; }

    public RulesFixture()
    {
        Organizations = Add("organizations", CollectionType.Base, "", new TextField { Name = "name" }, new TextField { Name = "country" });
        Users = Add("users", CollectionType.Auth, "",
            SystemFields.Email(), SystemFields.EmailVisibility(), SystemFields.Verified(), SystemFields.Password(), SystemFields.TokenKey(),
            new TextField { Name = "name" },
            new RelationField { Name = "organization", CollectionId = "col_organizations", MaxSelect = 1 },
            new SelectField { Name = "role", Values = ["admin", "member"], MaxSelect = 1 });
        Tags = Add("tags", CollectionType.Base, "", new TextField { Name = "name" }, new TextField { Name = "secret", Hidden = true });
        Posts = Add("posts", CollectionType.Base, "",
            new TextField { Name = "title" },
            new SelectField { Name = "status", Values = ["draft", "published"], MaxSelect = 1 },
            new SelectField { Name = "categories", Values = ["news", "tech", "misc"], MaxSelect = 3 },
            new RelationField { Name = "author", CollectionId = "col_users", MaxSelect = 1 },
            new RelationField { Name = "tags", CollectionId = "col_tags", MaxSelect = 5 },
            new FileField { Name = "attachments", MaxSelect = 5 },
            new NumberField { Name = "views" },
            new JsonField { Name = "data" },
            new GeoPointField { Name = "location" },
            new RelationField { Name = "parent", CollectionId = "col_posts", MaxSelect = 1 },
            new AutodateField { Name = "created", OnCreate = true });
        Comments = Add("comments", CollectionType.Base, "text != 'private'",
            new RelationField { Name = "post", CollectionId = "col_posts", MaxSelect = 1 },
            new TextField { Name = "text" },
            new RelationField { Name = "author", CollectionId = "col_users", MaxSelect = 1 });
        Likes = Add("likes", CollectionType.Base, "",
            new RelationField { Name = "posts", CollectionId = "col_posts", MaxSelect = 10 },
            new RelationField { Name = "user", CollectionId = "col_users", MaxSelect = 1 });
        Secrets = Add("secrets", CollectionType.Base, null,
            new RelationField { Name = "post", CollectionId = "col_posts", MaxSelect = 1 },
            new TextField { Name = "code" });
    }

    private Collection Add(string name, string type, string? listRule, params Field[] fields)
    {
        var c = new Collection { Id = "col_" + name, Name = name, Type = type, ListRule = listRule };
        c.Fields.Add(SystemFields.Id());
        foreach (var f in fields) c.Fields.Add(f);
        Collections[name] = c;
        return c;
    }

    public Collection? Find(string nameOrId)
        => Collections.Values.FirstOrDefault(c => c.Name == nameOrId || c.Id == nameOrId);

    public Satchel.Models.Record User(string id)
    {
        var r = new Satchel.Models.Record(Users);
        r.Set("id", id);
        var (email, visible, name) = id switch
        {
            "u1" => ("a@x.com", true, "Alice"),
            "u2" => ("b@x.com", false, "Bob"),
            _ => ("c@x.com", true, "Carol"),
        };
        r.Set("email", email);
        r.Set("emailVisibility", visible);
        r.Set("name", name);
        return r;
    }

    public RecordFieldResolver Resolver(Collection collection, RequestInfo? request = null, bool allowHidden = true, string? table = null)
        => new(collection, Find, request ?? new RequestInfo(), allowHidden, table);

    /// <summary>Ids of <paramref name="collection"/> records matching <paramref name="filter"/> (and optional sort).</summary>
    public List<string> Ids(Collection collection, string filter, RequestInfo? request = null, bool allowHidden = true, string? sort = null)
    {
        var query = new SearchQuery(collection.Name, Resolver(collection, request, allowHidden)) { Now = Now };
        query.Where(filter).OrderBy(sort ?? "id");
        return Db.Ids(query.Build());
    }

    public static readonly DateTimeOffset Now = new(2024, 5, 10, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => Db.Dispose();
}
