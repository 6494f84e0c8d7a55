using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Models;
using Satchel.Plugins;

namespace Satchel.TestPlugins.RecordHooks;

/// <summary>
/// Logs the record hooks fired for one collection (option "collection", default "demo2") as
/// "HookName" entries, with "HookName/after" once the rest of the chain returned.
/// GET /record-hooks/log answers the log and clears it. POST /record-hooks/save saves a record
/// through IApp.SaveRecord (as any plugin would). A record titled "fail-after-insert" makes
/// OnRecordCreateExecute throw after the INSERT; "?replace=1" on a view request makes its hook
/// replace the answer.
/// </summary>
public sealed class RecordHooksPlugin : IPlugin
{
    private readonly ConcurrentQueue<string> _log = new();

    public string Name => "record-hooks";

    public void Configure(IPluginContext context)
    {
        var app = context.App;
        var hooks = app.Hooks;
        var tag = context.Options.Get<string>("collection", "demo2")!;

        Log(hooks.OnRecordsListRequest, nameof(hooks.OnRecordsListRequest), tag);
        Log(hooks.OnRecordViewRequest, nameof(hooks.OnRecordViewRequest), tag);
        Log(hooks.OnRecordCreateRequest, nameof(hooks.OnRecordCreateRequest), tag);
        Log(hooks.OnRecordUpdateRequest, nameof(hooks.OnRecordUpdateRequest), tag);
        Log(hooks.OnRecordDeleteRequest, nameof(hooks.OnRecordDeleteRequest), tag);
        Log(hooks.OnRecordEnrich, nameof(hooks.OnRecordEnrich), tag);

        Log(hooks.OnRecordValidate, nameof(hooks.OnRecordValidate), tag);
        Log(hooks.OnModelValidate, nameof(hooks.OnModelValidate), tag);
        Log(hooks.OnRecordCreate, nameof(hooks.OnRecordCreate), tag);
        Log(hooks.OnModelCreate, nameof(hooks.OnModelCreate), tag);
        Log(hooks.OnRecordCreateExecute, nameof(hooks.OnRecordCreateExecute), tag);
        Log(hooks.OnModelCreateExecute, nameof(hooks.OnModelCreateExecute), tag);
        Log(hooks.OnRecordAfterCreateError, nameof(hooks.OnRecordAfterCreateError), tag);
        Log(hooks.OnModelAfterCreateError, nameof(hooks.OnModelAfterCreateError), tag);
        Log(hooks.OnRecordUpdate, nameof(hooks.OnRecordUpdate), tag);
        Log(hooks.OnModelUpdate, nameof(hooks.OnModelUpdate), tag);
        Log(hooks.OnRecordUpdateExecute, nameof(hooks.OnRecordUpdateExecute), tag);
        Log(hooks.OnModelUpdateExecute, nameof(hooks.OnModelUpdateExecute), tag);
        Log(hooks.OnRecordAfterUpdateSuccess, nameof(hooks.OnRecordAfterUpdateSuccess), tag);
        Log(hooks.OnRecordDelete, nameof(hooks.OnRecordDelete), tag);
        Log(hooks.OnModelDelete, nameof(hooks.OnModelDelete), tag);
        Log(hooks.OnRecordDeleteExecute, nameof(hooks.OnRecordDeleteExecute), tag);
        Log(hooks.OnModelDeleteExecute, nameof(hooks.OnModelDeleteExecute), tag);
        Log(hooks.OnRecordAfterDeleteSuccess, nameof(hooks.OnRecordAfterDeleteSuccess), tag);

        // Success hooks also tell whether the change is visible outside the transaction (it committed).
        hooks.OnRecordAfterCreateSuccess.Bind(e =>
        {
            var visible = app.FindRecordById(e.Record.Collection.Id, e.Record.Id) != null;
            _log.Enqueue($"{nameof(hooks.OnRecordAfterCreateSuccess)}(committed={visible.ToString().ToLowerInvariant()})");
            e.Next();
        }, tags: new[] { tag });
        Log(hooks.OnModelAfterCreateSuccess, nameof(hooks.OnModelAfterCreateSuccess), tag);

        hooks.OnRecordCreateExecute.Bind(e =>
        {
            e.Next();
            if (e.Record.GetString("title") == "fail-after-insert") throw new ApiException(400, "Refused by a hook.");
        }, priority: 10, tags: new[] { tag });

        hooks.OnRecordViewRequest.Bind(e =>
        {
            e.Next();
            if (e.Http.Request.Query["replace"] == "1") e.Json(200, new JsonObject { ["replaced"] = true });
        }, priority: 10, tags: new[] { tag });

        context.Routes.MapGet("/record-hooks/log", () =>
        {
            var entries = new JsonArray();
            while (_log.TryDequeue(out var entry)) entries.Add(entry);
            return Results.Text(entries.ToJsonString(), "application/json");
        });

        context.Routes.MapPost("/record-hooks/save", (HttpContext http) =>
        {
            var collection = app.FindCollectionByNameOrId(tag) ?? throw ApiException.NotFound();
            var record = new Record(collection);
            record.Set("title", http.Request.Query["title"].ToString());
            app.SaveRecord(record);
            return Results.Text(new JsonObject { ["id"] = record.Id }.ToJsonString(), "application/json");
        });
    }

    private void Log<T>(Hook<T> hook, string name, string tag) where T : HookEvent
        => hook.Bind(e =>
        {
            _log.Enqueue(name);
            e.Next();
            _log.Enqueue(name + "/after");
        }, tags: new[] { tag });
}
