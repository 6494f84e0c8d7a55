using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Satchel.Core;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Models;
using Satchel.Records;
using Satchel.Rules;
using Satchel.Rules.Resolvers;

namespace Satchel.Http.Api;

/// <summary>
/// The records API: list, view, create, update and delete records of a collection, each guarded
/// by the collection's API rule (a locked rule is for superusers only: 403; an unsatisfied rule
/// filters the list, answers 404 on view/update/delete and 400 on create). Every answered record
/// is enriched for the requester (visibility flags, <c>expand</c>) and cut to <c>fields</c>.
/// The handlers are public so other endpoints (e.g. batch) can run them for a sub-request.
/// </summary>
public static class RecordCrudApi
{
    private const string OnlySuperusers = "Only superusers can perform this action.";
    private const string UnsupportedType = "Unsupported collection type.";
    private const string DeleteFailed = "Failed to delete record. Make sure that the record is not part of a required relation reference.";

    public static void Map(WebApplication web)
    {
        const string records = "/api/collections/{collection}/records";
        // rate limit rules: "<collection>:list", "*:create", …
        web.MapGet(records, List).RateLimited("list");
        web.MapGet(records + "/{id}", View).RateLimited("view");
        web.MapPost(records, Create).RateLimited("create");
        web.MapPatch(records + "/{id}", Update).RateLimited("update");
        web.MapDelete(records + "/{id}", Delete).RateLimited("delete");
    }

    /// <summary>GET /api/collections/{collection}/records</summary>
    public static async Task List(HttpContext http, string collection)
    {
        var app = App(http);
        var target = FindCollection(app, collection);
        var request = await RequestInfoAsync(http);
        if (target.ListRule == null && !request.IsSuperuser) throw ApiException.Forbidden(OnlySuperusers);

        var query = http.Request.Query;
        var filter = query["filter"].FirstOrDefault();
        var sort = query["sort"].FirstOrDefault();
        SuperuserOnlyFilters.Check(request.IsSuperuser, filter, sort);
        var paging = RecordListQuery.From(query);

        var sql = RecordSearch.List(target, app.FindCollectionByNameOrId, request, filter, sort).Build();
        var parameters = new DynamicParameters(sql.Parameters);
        var result = new Satchel.Http.ListResult<Record> { Page = paging.Page, PerPage = paging.PerPage, TotalItems = -1, TotalPages = -1 };
        RunQuery(http, () =>
        {
            result.Items = app.Records.FindMany(target, sql.SelectSql() + $" LIMIT {paging.PerPage} OFFSET {paging.Offset}", parameters);
            if (paging.SkipTotal) return;
            var total = app.Db.Read(conn => conn.ExecuteScalar<long>(sql.CountSql(target.IsView ? "id" : "_rowid_"), parameters));
            result.TotalItems = (int)Math.Min(total, int.MaxValue);
            result.TotalPages = paging.TotalPages(total);
        });

        await http.RequestServices.GetRequiredService<EmptyListThrottle>().AfterListAsync(http, target, filter, result.Items.Count, request.IsSuperuser);

        var ev = new RecordsListRequestEvent(app, http, target) { Records = result.Items, Result = result };
        app.Hooks.OnRecordsListRequest.Trigger(ev, e =>
        {
            Enrich(app, e.Http, request, e.Records);
            e.Json(StatusCodes.Status200OK, RenderList(e.Http, e.Result));
        });
        await RequestEventResponse.WriteAsync(ev);
    }

    /// <summary>GET /api/collections/{collection}/records/{id}</summary>
    public static async Task View(HttpContext http, string collection, string id)
    {
        var app = App(http);
        var target = FindCollection(app, collection);
        var request = await RequestInfoAsync(http);
        if (target.ViewRule == null && !request.IsSuperuser) throw ApiException.Forbidden(OnlySuperusers);

        var record = FindWithRule(http, app, target, id, target.ViewRule, request) ?? throw ApiException.NotFound();

        var ev = new RecordRequestEvent(app, http, target, record);
        app.Hooks.OnRecordViewRequest.Trigger(ev, e =>
        {
            Enrich(app, e.Http, request, [e.Record]);
            e.Json(StatusCodes.Status200OK, Render(e.Http, e.Record));
        });
        await RequestEventResponse.WriteAsync(ev);
    }

    /// <summary>POST /api/collections/{collection}/records</summary>
    public static async Task Create(HttpContext http, string collection)
    {
        var app = App(http);
        var target = FindCollection(app, collection);
        if (target.IsView) throw ApiException.BadRequest(UnsupportedType);

        RecordBodyLimit.Apply(http, target);
        var body = await http.ReadBodyAsync();
        var submitted = RequestInfoFactory.From(http);
        var isSuperuser = submitted.IsSuperuser;
        if (target.CreateRule == null && !isSuperuser) throw ApiException.Forbidden(OnlySuperusers);

        var record = new Record(target);
        var data = RecordRequestData.Resolve(record, body, isSuperuser);
        // the rules see the submitted values with their modifiers resolved
        var request = WithBody(submitted, data);

        var form = new RecordUpsert(app, record);
        if (isSuperuser) form.GrantSuperuserAccess();
        form.Load(data);
        var uploads = RecordFileUploads.FromRequest(record, await FilesAsync(http), body.Select(p => p.Key).ToList());

        if (!isSuperuser)
        {
            var rules = new RecordRules(app);
            if (target.CreateRule != "" && !Satisfies(() => rules.NewMatches(record, target.CreateRule, request)))
                throw ApiException.BadRequest("Failed to create record.");
            if (rules.CanManage(record, request)) form.GrantManagerAccess();
        }

        var ev = new RecordRequestEvent(app, http, target, record);
        app.Hooks.OnRecordCreateRequest.Trigger(ev, e =>
        {
            form.Record = e.Record;
            Submit(e.Http, () => form.Submit(uploads), "Failed to create record.");
            Enrich(app, e.Http, request, [e.Record]);
            e.Json(StatusCodes.Status200OK, Render(e.Http, e.Record));
        });
        await RequestEventResponse.WriteAsync(ev);
    }

    /// <summary>PATCH /api/collections/{collection}/records/{id}</summary>
    public static async Task Update(HttpContext http, string collection, string id)
    {
        var app = App(http);
        var target = FindCollection(app, collection);
        if (target.IsView) throw ApiException.BadRequest(UnsupportedType);

        RecordBodyLimit.Apply(http, target);
        var body = await http.ReadBodyAsync();
        var submitted = RequestInfoFactory.From(http);
        var isSuperuser = submitted.IsSuperuser;
        if (target.UpdateRule == null && !isSuperuser) throw ApiException.Forbidden(OnlySuperusers);

        // Modifiers ("total+") resolve against the stored values, before the rule sees the body.
        var stored = app.FindRecordById(target.Id, id) ?? throw ApiException.NotFound();
        var data = RecordRequestData.Resolve(stored, body, isSuperuser);
        var request = WithBody(submitted, data);
        var record = FindWithRule(http, app, target, id, target.UpdateRule, request) ?? throw ApiException.NotFound();

        var form = new RecordUpsert(app, record);
        if (isSuperuser) form.GrantSuperuserAccess();
        form.Load(data);
        var uploads = RecordFileUploads.FromRequest(record, await FilesAsync(http), body.Select(p => p.Key).ToList());
        if (!form.HasManageAccess && new RecordRules(app).CanManage(record, request)) form.GrantManagerAccess();

        var ev = new RecordRequestEvent(app, http, target, record);
        app.Hooks.OnRecordUpdateRequest.Trigger(ev, e =>
        {
            form.Record = e.Record;
            Submit(e.Http, () => form.Submit(uploads), "Failed to update record.");
            Enrich(app, e.Http, request, [e.Record]);
            e.Json(StatusCodes.Status200OK, Render(e.Http, e.Record));
        });
        await RequestEventResponse.WriteAsync(ev);
    }

    /// <summary>DELETE /api/collections/{collection}/records/{id}</summary>
    public static async Task Delete(HttpContext http, string collection, string id)
    {
        var app = App(http);
        var target = FindCollection(app, collection);
        if (target.IsView) throw ApiException.BadRequest(UnsupportedType);

        var request = await RequestInfoAsync(http);
        if (target.DeleteRule == null && !request.IsSuperuser) throw ApiException.Forbidden(OnlySuperusers);

        var record = FindWithRule(http, app, target, id, target.DeleteRule, request) ?? throw ApiException.NotFound();

        var ev = new RecordRequestEvent(app, http, target, record);
        app.Hooks.OnRecordDeleteRequest.Trigger(ev, e =>
        {
            Submit(e.Http, () => app.DeleteRecord(e.Record), DeleteFailed);
            e.NoContent();
        });
        await RequestEventResponse.WriteAsync(ev);
    }

    // ---------------------------------------------------------------- helpers

    private static SatchelApp App(HttpContext http) => http.RequestServices.GetRequiredService<SatchelApp>();

    private static Collection FindCollection(IApp app, string nameOrId)
        => app.FindCollectionByNameOrId(nameOrId) ?? throw ApiException.NotFound("Missing collection context.");

    /// <summary>The @request data; a body that cannot be read simply offers no @request.body values here.</summary>
    private static async Task<RequestInfo> RequestInfoAsync(HttpContext http)
    {
        try { await http.ReadBodyAsync(); }
        catch (ApiException) { }
        return RequestInfoFactory.From(http);
    }

    private static RequestInfo WithBody(RequestInfo info, IReadOnlyDictionary<string, object?> body) => new()
    {
        Context = info.Context,
        Method = info.Method,
        Headers = info.Headers,
        Query = info.Query,
        Body = body,
        Auth = info.Auth,
    };

    private static async Task<IFormFileCollection> FilesAsync(HttpContext http)
        => http.Request.HasFormContentType ? (await http.Request.ReadFormAsync(http.RequestAborted)).Files : new FormFileCollection();

    /// <summary>The record if the request satisfies the rule; null when it doesn't (or the rule cannot be evaluated).</summary>
    private static Record? FindWithRule(HttpContext http, SatchelApp app, Collection collection, string id, string? rule, RequestInfo request)
    {
        try
        {
            return new RecordRules(app).Find(collection, id, rule, request);
        }
        catch (Exception e) when (e is FilterException or SqliteException)
        {
            Log(http).LogWarning(e, "rule of collection {Collection} could not be evaluated", collection.Name);
            return null;
        }
    }

    private static bool Satisfies(Func<bool> check)
    {
        try { return check(); }
        catch (Exception e) when (e is FilterException or SqliteException) { return false; }
    }

    /// <summary>Runs the list queries; a statement SQLite refuses is the request's fault, never a 500.</summary>
    private static void RunQuery(HttpContext http, Action query)
    {
        try
        {
            query();
        }
        catch (SqliteException e)
        {
            Log(http).LogWarning(e, "records query failed");
            throw ApiException.BadRequest();
        }
    }

    /// <summary>Saves or deletes; an error that is not already an API answer becomes PocketBase's 400 for the action.</summary>
    private static void Submit(HttpContext http, Action action, string failure)
    {
        try
        {
            action();
        }
        catch (ApiException)
        {
            throw;
        }
        catch (Exception e)
        {
            Log(http).LogWarning(e, "{Failure}", failure);
            throw ApiException.BadRequest(failure);
        }
    }

    private static void Enrich(SatchelApp app, HttpContext http, RequestInfo request, IReadOnlyList<Record> records)
    {
        var expand = http.Request.Query["expand"].FirstOrDefault();
        var paths = string.IsNullOrEmpty(expand) ? Array.Empty<string>() : expand.Split(',');
        new RecordEnricher(app, http, request).Enrich(records, paths);
    }

    private static JsonNode? Render(HttpContext http, Record record)
        => FieldsPicker.Pick(RecordJson.ToJson(record), http.Request.Query["fields"].FirstOrDefault());

    private static JsonNode? RenderList(HttpContext http, Satchel.Http.ListResult<Record> result)
    {
        var list = new JsonObject
        {
            ["items"] = new JsonArray(result.Items.Select(r => (JsonNode?)RecordJson.ToJson(r)).ToArray()),
            ["page"] = result.Page,
            ["perPage"] = result.PerPage,
            ["totalItems"] = result.TotalItems,
            ["totalPages"] = result.TotalPages,
        };
        return FieldsPicker.Pick(list, http.Request.Query["fields"].FirstOrDefault());
    }

    private static ILogger Log(HttpContext http)
        => http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Satchel.Records");
}
