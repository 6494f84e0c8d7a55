using System.Collections.Concurrent;
using System.Text;
using Satchel.Tests.Rules;
using Satchel.Tests.Support;
using static Satchel.Tests.Records.Fixture;

namespace Satchel.Tests.Records;

/// <summary>
/// Feeds thousands of generated filters, sorts, expands, field lists and bodies to a running server:
/// every answer must be a 200 or a 4xx in PocketBase's error shape, never a 5xx, and never show SQL.
/// </summary>
public class RecordApiFuzzTests
{
    private const int Filters = 4500;
    private const int Sorts = 2000;
    private const int Bodies = 3500;

    private static readonly string[] Demo1 = ["id", "text", "bool", "url", "select_one", "select_many", "file_one", "file_many", "number", "email", "datetime", "json", "rel_one", "rel_many", "point", "created", "updated", "rel_one.text", "rel_many.email", "rel_many.username", "demo1_via_rel_one.number", "json.a", "point.lon", "select_many:length", "select_many:each", "text:lower", "rel_one.rel_one.rel_one.id"];
    private static readonly string[] Demo4 = ["id", "title", "json_array", "json_object", "json_object.a.b", "self_rel_one", "self_rel_many", "self_rel_many.title", "rel_one_no_cascade.title", "rel_many_cascade.files", "demo5_via_rel_many.total", "demo5_via_rel_one.select_many:length", "self_rel_one.self_rel_one.title", "rel_many_unique:length"];
    private static readonly string[] Users = ["id", "email", "username", "name", "verified", "emailVisibility", "rel", "rel.title", "file", "avatar", "password", "tokenKey", "created"];
    // SQL keywords are matched case-sensitively: field names such as "select_many" may legitimately appear
    private static readonly string[] ForbiddenExact = ["SELECT ", " FROM `", "json_each(", "   at "];
    private static readonly string[] ForbiddenAnyCase = ["sqlite", "no such column", "syntax error", "SqliteException"];

    [Fact]
    public async Task Generated_inputs_never_fail_the_server_or_leak_sql()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
        var api = new RecordsApi(server.Client);
        var fuzz = new RecordApiFuzz(20240613);
        var filters = new FilterFuzz(7, Demo1.Concat(Demo4).Concat(Users).ToArray());

        var requests = new List<Func<Task<(string What, Answer Answer)>>>();
        for (var i = 0; i < Filters; i++)
        {
            var (collection, ids, token) = Target(i);
            var filter = filters.Next();
            var expand = fuzz.Expand(ids);
            var url = List(collection, $"filter={Uri.EscapeDataString(filter)}&expand={Uri.EscapeDataString(expand)}&fields={Uri.EscapeDataString(fuzz.Fields())}&perPage={i % 50}");
            requests.Add(async () => ($"GET {url}", await api.Get(url, token)));
        }
        for (var i = 0; i < Sorts; i++)
        {
            var (collection, ids, token) = Target(i);
            var url = List(collection, $"sort={Uri.EscapeDataString(fuzz.Sort(ids))}&page={i % 4}&skipTotal={(i % 3 == 0 ? "1" : "0")}");
            requests.Add(async () => ($"GET {url}", await api.Get(url, token)));
        }
        for (var i = 0; i < Bodies; i++)
        {
            var (method, url, fields, token) = (i % 6) switch
            {
                0 => (HttpMethod.Post, List("demo2"), new[] { "title", "active" }, (string?)null),
                1 => (HttpMethod.Post, List("demo5"), new[] { "total", "select_one", "select_many", "rel_one", "rel_many", "file" }, null),
                2 => (HttpMethod.Post, List("demo1"), Demo1, Superuser),
                3 => (HttpMethod.Post, List("users"), Users, null),
                4 => (HttpMethod.Patch, One("demo4", "i9naidtvr6qsgb4"), Demo4, User),
                _ => (HttpMethod.Patch, One("nologin", "phhq3wr65cap535"), Users, null),
            };
            var body = fuzz.Body(fields);
            var expanded = url + "?expand=" + Uri.EscapeDataString(fuzz.Expand(fields));
            requests.Add(async () => ($"{method} {expanded} {body}", await api.Send(method, expanded, new StringContent(body, Encoding.UTF8, "application/json"), token)));
        }

        Assert.True(requests.Count >= 10_000);
        var failures = new ConcurrentQueue<string>();
        await Parallel.ForEachAsync(requests, new ParallelOptions { MaxDegreeOfParallelism = 6 }, async (send, _) =>
        {
            var (what, answer) = await send();
            if (answer.Status >= 500 || answer.Status < 200 || (answer.Status >= 300 && answer.Status < 400))
                failures.Enqueue($"{answer.Status} for {what}: {answer.Raw}");
            else if ((ForbiddenExact.FirstOrDefault(f => answer.Raw.Contains(f, StringComparison.Ordinal))
                      ?? ForbiddenAnyCase.FirstOrDefault(f => answer.Raw.Contains(f, StringComparison.OrdinalIgnoreCase))) is { } leak)
                failures.Enqueue($"\"{leak}\" in the answer to {what}: {answer.Raw[..Math.Min(400, answer.Raw.Length)]}");
            else if (answer.Status >= 400 && (answer.Body?["status"] == null || answer.Body?["data"] == null))
                failures.Enqueue($"{answer.Status} without PocketBase's error body for {what}: {answer.Raw}");
        });

        Assert.True(failures.IsEmpty, $"{failures.Count} bad answers, e.g.:\n" + string.Join("\n", failures.Take(10)));
        Assert.False(server.Process.HasExited);
    }

    private static (string Collection, string[] Identifiers, string? Token) Target(int i) => (i % 3) switch
    {
        0 => ("demo1", Demo1, Superuser),
        1 => ("demo4", Demo4, null),
        _ => ("users", Users, User),
    };
}
