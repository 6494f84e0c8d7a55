using System.Text.Json.Nodes;
using Satchel.Tests.Files;
using Satchel.Tests.Records;
using static Satchel.Tests.Batch.BatchServer;

namespace Satchel.Tests.Batch;

/// <summary>POST /api/batch: all sub-requests commit together or not at all.</summary>
public sealed class BatchTransactionTests(BatchServer fx) : IClassFixture<BatchServer>
{
    [Fact]
    public async Task A_failing_request_rolls_back_the_ones_before_it()
    {
        var answer = await fx.Send([
            Request("POST", "/api/collections/demo2/records", new { title = "rollback_one" }),
            Request("POST", "/api/collections/demo2/records", new { title = "rollback_two" }),
            Request("POST", "/api/collections/demo2/records", new { title = "" }),
        ]);

        Assert.Equal(400, answer.Status);
        Assert.Equal("Batch transaction failed.", answer.Str("message"));
        var failed = answer.Json["data"]!["requests"]!.AsObject();
        Assert.Equal(["2"], failed.Select(p => p.Key).ToArray());
        Assert.Equal("batch_request_failed", (string?)failed["2"]!["code"]);
        Assert.Equal("Batch request failed.", (string?)failed["2"]!["message"]);
        Assert.Equal(400, (int?)failed["2"]!["response"]!["status"]);
        Assert.Equal("validation_required", (string?)failed["2"]!["response"]!["data"]!["title"]!["code"]);

        Assert.Equal(0, fx.Count("SELECT count(*) FROM demo2 WHERE title LIKE 'rollback_%'"));
    }

    [Fact]
    public async Task Creates_updates_upserts_and_deletes_in_order()
    {
        var created = await fx.Api.Post(Fixture.List("demo2"), new { title = "to_delete" }, Fixture.Superuser);
        var answer = await fx.Send([
            Request("POST", "/api/collections/demo2/records", new { title = "batch_created" }),
            Request("PUT", "/api/collections/demo2/records", new { title = "batch_upsert_new" }),
            Request("PUT", "/api/collections/demo2/records?fields=id,title", new { id = "achvryl401bhse3", title = "batch_upsert_existing" }),
            Request("PATCH", "/api/collections/demo2/records/achvryl401bhse3", new { active = false }),
            Request("DELETE", "/api/collections/demo2/records/" + created.Str("id")),
        ]);

        Assert.Equal(200, answer.Status);
        var results = answer.Body!.AsArray();
        Assert.Equal([200, 200, 200, 200, 204], results.Select(r => (int)r!["status"]!).ToArray());
        Assert.Equal("batch_created", (string?)results[0]!["body"]!["title"]);
        Assert.Equal("batch_upsert_new", (string?)results[1]!["body"]!["title"]);
        // the upsert of an existing id is an update, with its query string kept
        Assert.Equal(new JsonObject { ["id"] = "achvryl401bhse3", ["title"] = "batch_upsert_existing" }.ToJsonString(), results[2]!["body"]!.ToJsonString());
        Assert.Null(results[4]!["body"]);

        Assert.Equal(1, fx.Count("SELECT count(*) FROM demo2 WHERE title = 'batch_upsert_new'"));
        Assert.Equal(1, fx.Count("SELECT count(*) FROM demo2 WHERE id = 'achvryl401bhse3' AND title = 'batch_upsert_existing' AND active = 0"));
        Assert.Equal(0, fx.Count("SELECT count(*) FROM demo2 WHERE id = @id", new { id = created.Str("id") }));
    }

    [Fact]
    public async Task Every_request_has_the_batch_auth_and_rules_apply()
    {
        // demo3 is for authenticated non-users; the sub-request's own Authorization is ignored.
        var ignored = new Dictionary<string, string> { ["Authorization"] = Fixture.Superuser };
        var guest = await fx.Send([Request("POST", "/api/collections/demo3/records", new { title = "guest_try" }, ignored)]);
        Assert.Equal(400, guest.Status);
        Assert.NotNull(guest.Json["data"]!["requests"]!["0"]);

        var client = await fx.Send([Request("POST", "/api/collections/demo3/records", new { title = "client_ok" }, new() { ["Authorization"] = "ignored" })], Fixture.Client);
        Assert.Equal(200, client.Status);
        Assert.Equal(0, fx.Count("SELECT count(*) FROM demo3 WHERE title = 'guest_try'"));
        Assert.Equal(1, fx.Count("SELECT count(*) FROM demo3 WHERE title = 'client_ok'"));
    }

    [Fact]
    public async Task Only_record_actions_are_allowed()
    {
        var answer = await fx.Send([Request("GET", "/api/health")]);
        Assert.Equal(400, answer.Status);
        Assert.Equal("batch_request_failed", (string?)answer.Json["data"]!["requests"]!["0"]!["code"]);
        Assert.Equal(400, (int?)answer.Json["data"]!["requests"]!["0"]!["response"]!["status"]);
    }

    [Fact]
    public async Task Requests_are_validated_before_anything_runs()
    {
        var empty = await fx.Api.Post("/api/batch", new { requests = Array.Empty<object>() });
        Assert.Equal(400, empty.Status);
        Assert.Equal("validation_required", (string?)empty.Json["data"]!["requests"]!["code"]);

        var tooMany = await fx.Send(Enumerable.Range(0, 51).Select(_ => Request("POST", "/api/collections/demo2/records", new { title = "many" })).ToArray());
        Assert.Equal(400, tooMany.Status);
        Assert.Equal("validation_length_too_long", (string?)tooMany.Json["data"]!["requests"]!["code"]);

        var longUrl = "/" + new string('a', 2001);
        var invalid = await fx.Api.Post("/api/batch",
            "{\"requests\": [{}, {\"method\":\"GET\",\"url\":\"/valid\"}, {\"method\":\"invalid\",\"url\":\"/valid\"}, {\"method\":\"POST\",\"url\":\"" + longUrl + "\"}]}");
        Assert.Equal(400, invalid.Status);
        Assert.Equal("Invalid batch request data.", invalid.Str("message"));
        var items = invalid.Json["data"]!["requests"]!.AsObject();
        Assert.Equal("validation_required", (string?)items["0"]!["method"]!["code"]);
        Assert.Equal("validation_in_invalid", (string?)items["2"]!["method"]!["code"]);
        Assert.Equal("validation_length_too_long", (string?)items["3"]!["url"]!["code"]);
        Assert.Null(items["1"]);
        Assert.Equal(0, fx.Count("SELECT count(*) FROM demo2 WHERE title = 'many'"));

        var malformed = await fx.Api.Post("/api/batch", "{\"requests\": 5}");
        Assert.Equal(400, malformed.Status);
        Assert.Equal("Failed to read the submitted batch data.", malformed.Str("message"));
    }

    [Fact]
    public async Task Multipart_batches_carry_files_per_request()
    {
        var form = new MultipartFormDataContent();
        form.Add(new StringContent("""
            {"requests": [
              {"method": "POST", "url": "/api/collections/demo3/records", "body": {"title": "batch_files"}},
              {"method": "POST", "url": "/api/collections/demo3/records", "body": {"title": "batch_files_2"}}
            ]}
            """), "@jsonPayload");
        RecordsApi.AddFile(form, "requests.0.files", "one.txt", "1");
        RecordsApi.AddFile(form, "requests.0.files", "two.txt", "2");
        RecordsApi.AddFile(form, "requests[1].files", "three.txt", "3");

        var answer = await fx.Api.Post("/api/batch", form, Fixture.Superuser);
        Assert.Equal(200, answer.Status);
        var first = answer.Body![0]!["body"]!;
        var names = first["files"]!.AsArray().Select(n => (string)n!).ToList();
        Assert.Equal(2, names.Count);
        Assert.StartsWith("one_", names[0]);
        Assert.StartsWith("three_", (string)answer.Body![1]!["body"]!["files"]![0]!);

        var dir = Path.Combine(fx.Server.DataDir, "storage", FileFixture.Demo3Id, (string)first["id"]!);
        Assert.Equal("2", await File.ReadAllTextAsync(Path.Combine(dir, names[1])));
    }

    [Fact]
    public async Task Files_uploaded_by_a_rolled_back_batch_are_removed()
    {
        var before = Directory.GetDirectories(Path.Combine(fx.Server.DataDir, "storage", FileFixture.Demo3Id)).Length;
        var form = new MultipartFormDataContent();
        form.Add(new StringContent("""
            {"requests": [
              {"method": "POST", "url": "/api/collections/demo3/records", "body": {"title": "uploaded_then_rolled_back"}},
              {"method": "POST", "url": "/api/collections/demo2/records", "body": {"title": ""}}
            ]}
            """), "@jsonPayload");
        RecordsApi.AddFile(form, "requests.0.files", "doomed.txt", "d");

        var answer = await fx.Api.Post("/api/batch", form, Fixture.Superuser);
        Assert.Equal(400, answer.Status);
        Assert.NotNull(answer.Json["data"]!["requests"]!["1"]);
        Assert.Equal(0, fx.Count("SELECT count(*) FROM demo3 WHERE title = 'uploaded_then_rolled_back'"));
        Assert.Equal(before, Directory.GetDirectories(Path.Combine(fx.Server.DataDir, "storage", FileFixture.Demo3Id)).Length);
    }
}
