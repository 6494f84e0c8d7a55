// Schema, seed data and per-scenario settings for bench/records.sh, against a running Satchel server.
// The schema follows PocketBase's published benchmark: organizations, permissions, users (auth, with an
// organization and permissions), and posts10k (title, description, public, type, author); "posts"
// has posts10k's fields and starts empty, for the create measurement.
//
//   RecordsBench setup  --url=… --out=DIR [--users=500]   create the schema and seed data; write DIR/data.lua
//   RecordsBench fill   --url=… --count=N                 create N posts10k rows (50 at a time)
//   RecordsBench rule   --url=… --rule=RULE               set posts10k's listRule
//   RecordsBench index  --url=… [--drop]                  add (or drop) the index on posts10k.author
//   RecordsBench count  --url=…                           print the number of posts10k rows
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

var command = args.FirstOrDefault() ?? "";
var opts = args.Skip(1).Select(a => a.Split('=', 2)).ToDictionary(p => p[0].TrimStart('-'), p => p.Length > 1 ? p[1] : "");
string Opt(string k, string d) => opts.TryGetValue(k, out var v) ? v : d;

var baseUrl = Opt("url", "http://127.0.0.1:8090");
using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };

async Task<JsonNode> Call(HttpMethod method, string url, JsonNode? body, string? token)
{
    using var req = new HttpRequestMessage(method, url);
    if (token != null) req.Headers.Authorization = new AuthenticationHeaderValue(token);
    if (body != null) req.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
    using var res = await http.SendAsync(req);
    var text = await res.Content.ReadAsStringAsync();
    if (!res.IsSuccessStatusCode) throw new Exception($"{method} {url}: {(int)res.StatusCode} {text}");
    return text == "" ? new JsonObject() : JsonNode.Parse(text)!;
}

var admin = (await Call(HttpMethod.Post, "/api/collections/_superusers/auth-with-password",
    new JsonObject { ["identity"] = Opt("email", "bench@example.com"), ["password"] = Opt("password", "bench-password-1") }, null))["token"]!.GetValue<string>();

JsonObject Field(string name, string type, params (string Key, JsonNode? Value)[] options)
{
    var f = new JsonObject { ["name"] = name, ["type"] = type };
    foreach (var (k, v) in options) f[k] = v;
    return f;
}

async Task<string> CreateCollection(string name, params JsonObject[] fields)
{
    var body = new JsonObject
    {
        ["name"] = name, ["type"] = "base",
        ["listRule"] = "", ["viewRule"] = "", ["createRule"] = "", ["updateRule"] = "", ["deleteRule"] = "",
        ["fields"] = new JsonArray(fields.Concat([Field("created", "autodate", ("onCreate", true), ("onUpdate", false)),
            Field("updated", "autodate", ("onCreate", true), ("onUpdate", true))]).Select(f => (JsonNode)f).ToArray()),
    };
    return (await Call(HttpMethod.Post, "/api/collections", body, admin))["id"]!.GetValue<string>();
}

async Task ParallelCreate(string collection, int count, int concurrency, Func<int, JsonObject> body, Action<int, string> created)
{
    await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = concurrency }, async (i, _) =>
    {
        var record = await Call(HttpMethod.Post, $"/api/collections/{collection}/records", body(i), admin);
        created(i, record["id"]!.GetValue<string>());
    });
}

switch (command)
{
    case "setup":
    {
        var userCount = int.Parse(Opt("users", "500"));
        var outDir = Opt("out", ".");
        var random = new Random(42);

        var orgs = await CreateCollection("organizations", Field("name", "text"));
        var perms = await CreateCollection("permissions", Field("name", "text"), Field("active", "bool"));

        // users: the default auth collection, open to read like the benchmark's, with an organization and permissions
        var users = await Call(HttpMethod.Get, "/api/collections/users", null, admin);
        var fields = users["fields"]!.AsArray();
        fields.Add(Field("username", "text", ("min", 3), ("max", 150), ("pattern", @"^[\w][\w\.\-]*$"), ("autogeneratePattern", "users[0-9]{6}")));
        fields.Add(Field("organization", "relation", ("collectionId", orgs), ("maxSelect", 1), ("cascadeDelete", true), ("required", true)));
        fields.Add(Field("permissions", "relation", ("collectionId", perms), ("maxSelect", 999), ("cascadeDelete", true)));
        await Call(HttpMethod.Patch, "/api/collections/users", new JsonObject
        {
            ["fields"] = fields.DeepClone(),
            ["listRule"] = "@request.auth.id != ''", ["viewRule"] = "", ["createRule"] = "", ["updateRule"] = "", ["deleteRule"] = "",
        }, admin);

        foreach (var posts in new[] { "posts10k", "posts" })
            await CreateCollection(posts,
                Field("title", "text"),
                Field("description", "editor"),
                Field("public", "bool"),
                Field("type", "select", ("maxSelect", 3), ("values", new JsonArray("a", "b", "c", "d"))),
                Field("author", "relation", ("collectionId", "_pb_users_auth_"), ("maxSelect", 1), ("cascadeDelete", true)));

        var orgIds = new string[100];
        await ParallelCreate("organizations", orgIds.Length, 10, i => new JsonObject { ["name"] = $"organization {i}" }, (i, id) => orgIds[i] = id);
        var permIds = new string[50];
        await ParallelCreate("permissions", permIds.Length, 5, i => new JsonObject { ["name"] = $"permission {i}", ["active"] = i % 2 == 0 }, (i, id) => permIds[i] = id);

        var userIds = new string[userCount];
        var picks = Enumerable.Range(0, userCount).Select(_ => (Org: random.Next(orgIds.Length), Perms: Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(permIds.Length)).Distinct().ToArray())).ToArray();
        await ParallelCreate("users", userCount, Environment.ProcessorCount * 2, i => new JsonObject
        {
            ["email"] = $"user{i}@example.com",
            ["emailVisibility"] = true,
            ["password"] = "bench-password-1",
            ["passwordConfirm"] = "bench-password-1",
            ["organization"] = orgIds[picks[i].Org],
            ["permissions"] = new JsonArray(picks[i].Perms.Select(p => (JsonNode)permIds[p]).ToArray()),
        }, (i, id) => userIds[i] = id);

        var token = (await Call(HttpMethod.Post, "/api/collections/users/auth-with-password",
            new JsonObject { ["identity"] = "user0@example.com", ["password"] = "bench-password-1" }, null))["token"]!.GetValue<string>();

        // data.lua: what the wrk scripts read (authors to pick from, a user's token)
        var lua = new StringBuilder();
        lua.Append("authors = {").AppendJoin(",", userIds.Select(id => $"\"{id}\"")).AppendLine("}");
        File.WriteAllLines(Path.Combine(outDir, "authors.txt"), userIds);
        lua.AppendLine($"user_token = \"{token}\"");
        File.WriteAllText(Path.Combine(outDir, "data.lua"), lua.ToString());
        Console.WriteLine($"schema created; seeded {orgIds.Length} organizations, {permIds.Length} permissions, {userCount} users");
        break;
    }
    case "fill":
    {
        // posts like create.lua's: a title, two paragraphs, public, up to three types, a random author
        var authors = File.ReadAllLines(Opt("authors", "authors.txt"));
        string[] words = ["lorem", "ipsum", "dolor", "sit", "amet", "consectetur", "adipiscing", "elit", "sed", "do", "eiusmod", "tempor"];
        string Sentence(Random r, int n) => string.Join(' ', Enumerable.Range(0, n).Select(_ => words[r.Next(words.Length)]));
        await ParallelCreate("posts10k", int.Parse(Opt("count", "10000")), 50, i =>
        {
            var r = new Random(i);
            return new JsonObject
            {
                ["title"] = Sentence(r, 4),
                ["description"] = $"<p>{Sentence(r, 40)}</p><p>{Sentence(r, 30)}</p>",
                ["public"] = r.Next(2) == 0,
                ["type"] = new JsonArray(new[] { "a", "b", "c", "d" }.Take(r.Next(4)).Select(t => (JsonNode)t).ToArray()),
                ["author"] = authors[r.Next(authors.Length)],
            };
        }, (_, _) => { });
        break;
    }
    case "rule":
        await Call(HttpMethod.Patch, "/api/collections/posts10k", new JsonObject { ["listRule"] = Opt("rule", "") }, admin);
        break;
    case "index":
        await Call(HttpMethod.Patch, "/api/collections/posts10k", new JsonObject
        {
            ["indexes"] = opts.ContainsKey("drop") ? new JsonArray() : new JsonArray("CREATE INDEX `idx_posts10k_author` ON `posts10k` (`author`)"),
        }, admin);
        break;
    case "count":
        var list = await Call(HttpMethod.Get, "/api/collections/posts10k/records?perPage=1&fields=id", null, admin);
        Console.WriteLine(list["totalItems"]!.GetValue<int>());
        break;
    default:
        Console.Error.WriteLine("usage: RecordsBench setup|rule|index|count --url=URL [options]");
        return 2;
}
return 0;
