using static Satchel.Tests.Records.Fixture;

namespace Satchel.Tests.Records;

/// <summary>
/// Which record hooks fire, in which order, for API requests and for plugin saves (through the
/// record-hooks test plugin, which logs the hooks of demo2 with "/after" once Next returned).
/// </summary>
public class RecordHooksTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private readonly RecordsApi _api = server.Api;

    private async Task<List<string>> TakeLog()
    {
        var answer = await _api.Get("/record-hooks/log");
        return answer.Body!.AsArray().Select(e => e!.GetValue<string>()).ToList();
    }

    /// <summary>Asserts that <paramref name="expected"/> appear in the log in this order (other entries may come between).</summary>
    private static void InOrder(List<string> log, params string[] expected)
    {
        var at = 0;
        foreach (var entry in expected)
        {
            var found = log.IndexOf(entry, at);
            Assert.True(found >= 0, $"\"{entry}\" missing after position {at} in: {string.Join(", ", log)}");
            at = found + 1;
        }
    }

    [Fact]
    public async Task Create_fires_request_model_and_enrich_hooks_in_order()
    {
        await TakeLog();
        var answer = await _api.Post(List("demo2"), new { title = "hooked create" });
        Assert.Equal(200, answer.Status);
        var log = await TakeLog();

        InOrder(log,
            "OnRecordCreateRequest",
            "OnRecordCreate", "OnModelCreate",
            "OnRecordValidate", "OnModelValidate", "OnModelValidate/after", "OnRecordValidate/after",
            "OnRecordCreateExecute", "OnModelCreateExecute", "OnModelCreateExecute/after", "OnRecordCreateExecute/after",
            "OnModelCreate/after", "OnRecordCreate/after",
            "OnRecordAfterCreateSuccess(committed=true)", "OnModelAfterCreateSuccess",
            "OnRecordEnrich", "OnRecordEnrich/after",
            "OnRecordCreateRequest/after");
        Assert.DoesNotContain("OnRecordAfterCreateError", log);
    }

    [Fact]
    public async Task A_failing_hook_rolls_the_create_back_and_fires_the_error_hooks()
    {
        await TakeLog();
        var answer = await _api.Post(List("demo2"), new { title = "fail-after-insert" });
        Assert.Equal(400, answer.Status);
        Assert.Equal("Refused by a hook.", answer.Str("message"));
        var log = await TakeLog();

        // the refusing handler throws after Next: the INSERT ran, the handlers around it see the exception
        InOrder(log, "OnRecordCreateExecute", "OnModelCreateExecute", "OnModelCreateExecute/after", "OnRecordAfterCreateError", "OnModelAfterCreateError");
        Assert.DoesNotContain("OnRecordCreateExecute/after", log);
        Assert.DoesNotContain(log, e => e.StartsWith("OnRecordAfterCreateSuccess"));
        Assert.DoesNotContain("OnRecordEnrich", log);
        var stored = await _api.Get(List("demo2", "filter=" + Uri.EscapeDataString("title = 'fail-after-insert'")));
        Assert.Empty(stored.Items);
    }

    [Fact]
    public async Task Failed_validation_skips_execution_and_reports_the_error()
    {
        await TakeLog();
        Assert.Equal(400, (await _api.Post(List("demo2"), new { title = "" })).Status);
        var log = await TakeLog();
        InOrder(log, "OnRecordCreateRequest", "OnRecordCreate", "OnRecordValidate", "OnRecordAfterCreateError", "OnModelAfterCreateError");
        Assert.DoesNotContain("OnRecordCreateExecute", log);
    }

    [Fact]
    public async Task Plugin_saves_fire_the_model_hooks_without_request_hooks()
    {
        await TakeLog();
        var answer = await _api.Post("/record-hooks/save?title=" + Uri.EscapeDataString("saved by a plugin"), null);
        Assert.Equal(200, answer.Status);
        var log = await TakeLog();

        InOrder(log, "OnRecordCreate", "OnRecordValidate", "OnRecordCreateExecute", "OnRecordAfterCreateSuccess(committed=true)");
        Assert.DoesNotContain("OnRecordCreateRequest", log);
        Assert.DoesNotContain("OnRecordEnrich", log);
        Assert.Equal(200, (await _api.Get(One("demo2", answer.Str("id")!))).Status);
    }

    [Fact]
    public async Task Update_and_delete_fire_their_hooks()
    {
        var created = await _api.Post(List("demo2"), new { title = "to update" });
        var id = created.Str("id")!;
        await TakeLog();

        Assert.Equal(200, (await _api.Patch(One("demo2", id), new { title = "updated" })).Status);
        InOrder(await TakeLog(),
            "OnRecordUpdateRequest", "OnRecordUpdate", "OnModelUpdate", "OnRecordValidate",
            "OnRecordUpdateExecute", "OnModelUpdateExecute", "OnRecordAfterUpdateSuccess", "OnRecordEnrich", "OnRecordUpdateRequest/after");

        Assert.Equal(204, (await _api.Delete(One("demo2", id))).Status);
        var log = await TakeLog();
        InOrder(log,
            "OnRecordDeleteRequest", "OnRecordDelete", "OnModelDelete", "OnRecordDeleteExecute", "OnModelDeleteExecute",
            "OnModelDeleteExecute/after", "OnRecordDeleteExecute/after", "OnRecordDelete/after", "OnRecordAfterDeleteSuccess", "OnRecordDeleteRequest/after");
        Assert.DoesNotContain("OnRecordEnrich", log);
    }

    [Fact]
    public async Task List_and_view_enrich_every_answered_record()
    {
        await TakeLog();
        var list = await _api.Get(List("demo2", "perPage=2"));
        var log = await TakeLog();
        InOrder(log, "OnRecordsListRequest", "OnRecordEnrich", "OnRecordEnrich", "OnRecordEnrich/after", "OnRecordEnrich/after", "OnRecordsListRequest/after");
        Assert.Equal(list.Items.Count, log.Count(e => e == "OnRecordEnrich"));

        await _api.Get(One("demo2", "0yxhwia2amd8gec"));
        InOrder(await TakeLog(), "OnRecordViewRequest", "OnRecordEnrich", "OnRecordEnrich/after", "OnRecordViewRequest/after");
    }

    [Fact]
    public async Task Request_hooks_may_replace_the_answer()
    {
        var answer = await _api.Get(One("demo2", "0yxhwia2amd8gec", "replace=1"));
        Assert.Equal(200, answer.Status);
        Assert.True(answer.Json["replaced"]!.GetValue<bool>());
        Assert.False(answer.Json.ContainsKey("id"));
    }

    [Fact]
    public async Task Hooks_of_other_collections_are_not_fired()
    {
        await TakeLog();
        await _api.Get(List("demo4"));
        await _api.Post(List("demo5"), new { total = 3 });
        Assert.Empty(await TakeLog());
    }
}
