using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Satchel.Collections;
using Satchel.Core;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Models;

namespace Satchel.Http.Api;

/// <summary>
/// The Collections API (superusers only): list, view, create, update and delete collections.
/// Truncate, import and the meta endpoints live beside it and are mapped from here.
/// </summary>
public static class CollectionsApi
{
    public static void Map(WebApplication web)
    {
        web.MapGet("/api/collections", List);
        web.MapPost("/api/collections", Create);
        web.MapGet("/api/collections/{collection}", View);
        web.MapPatch("/api/collections/{collection}", Update);
        web.MapDelete("/api/collections/{collection}", Delete);
        CollectionsTruncateApi.Map(web);
        CollectionsImportApi.Map(web);
        CollectionsMetaApi.Map(web);
    }

    /// <summary>The cached collection by id or name, or a 404.</summary>
    internal static Collection Find(SatchelApp app, string idOrName)
        => app.FindCollectionByNameOrId(idOrName) ?? throw ApiException.NotFound();

    private static async Task List(HttpContext http, SatchelApp app)
    {
        http.RequireSuperuser();
        var (result, items) = CollectionListQuery.Run(app, http.Request);
        var e = new CollectionsListRequestEvent(app, http) { Collections = items, Result = result };
        app.Hooks.OnCollectionsListRequest.Trigger(e, ev => ev.Json(200, ListJson(ev.Result)));
        await RequestEventResponse.WriteAsync(e);
    }

    private static JsonObject ListJson(Http.ListResult<Collection> r) => new()
    {
        ["page"] = r.Page,
        ["perPage"] = r.PerPage,
        ["totalItems"] = r.TotalItems,
        ["totalPages"] = r.TotalPages,
        ["items"] = new JsonArray(r.Items.Select(c => (JsonNode?)CollectionJson.ToApiJson(c)).ToArray()),
    };

    private static async Task View(HttpContext http, SatchelApp app, string collection)
    {
        http.RequireSuperuser();
        var e = new CollectionRequestEvent(app, http, Find(app, collection));
        app.Hooks.OnCollectionViewRequest.Trigger(e, ev => ev.Json(200, CollectionJson.ToApiJson(ev.Collection)));
        await RequestEventResponse.WriteAsync(e);
    }

    private static async Task Create(HttpContext http, SatchelApp app)
    {
        http.RequireSuperuser();
        var body = await RequestBody.ReadObjectAsync(http);
        string type, name;
        try
        {
            type = body["type"]?.GetValue<string>() ?? "";
            name = body["name"]?.GetValue<string>() ?? "";
        }
        catch (InvalidOperationException)
        {
            throw ApiException.BadRequest("Failed to load the collection type data due to invalid formatting.");
        }

        var collection = CollectionBody.Apply(CollectionDefaults.New(type, name), body);
        // Without an explicit id the id is derived from the final type and name on save.
        if (body["id"] is null || (body["id"] is JsonValue v && v.TryGetValue<string>(out var id) && id == "")) collection.Id = "";

        var e = new CollectionRequestEvent(app, http, collection);
        app.Hooks.OnCollectionCreateRequest.Trigger(e, ev =>
        {
            SaveOrFail(() => app.CollectionSaver.Save(ev.Collection, isNew: true, validate: true), "Failed to create collection.");
            ev.Json(200, CollectionJson.ToApiJson(ev.Collection));
        });
        await RequestEventResponse.WriteAsync(e);
    }

    private static async Task Update(HttpContext http, SatchelApp app, string collection)
    {
        http.RequireSuperuser();
        var existing = Find(app, collection);
        var body = await RequestBody.ReadObjectAsync(http);
        var updated = CollectionBody.Apply(existing, body);
        updated.Id = existing.Id;

        var e = new CollectionRequestEvent(app, http, updated);
        app.Hooks.OnCollectionUpdateRequest.Trigger(e, ev =>
        {
            SaveOrFail(() => app.CollectionSaver.Save(ev.Collection, isNew: false, validate: true), "Failed to update collection.");
            ev.Json(200, CollectionJson.ToApiJson(ev.Collection));
        });
        await RequestEventResponse.WriteAsync(e);
    }

    /// <summary>Validation errors answer 400 with their details; any other failure 400 with the raw error.</summary>
    private static void SaveOrFail(Action save, string message)
    {
        try
        {
            save();
        }
        catch (CollectionValidationException v)
        {
            throw ApiException.Validation(v.Errors, message);
        }
        catch (Exception ex) when (ex is not ApiException)
        {
            throw ApiException.BadRequest(message.TrimEnd('.') + ". Raw error: \n" + ex.Message);
        }
    }

    private static async Task Delete(HttpContext http, SatchelApp app, string collection)
    {
        http.RequireSuperuser();
        var e = new CollectionRequestEvent(app, http, Find(app, collection));
        app.Hooks.OnCollectionDeleteRequest.Trigger(e, ev =>
        {
            try
            {
                app.CollectionSaver.Delete(ev.Collection);
            }
            catch (Exception ex) when (ex is not ApiException)
            {
                var message = "Failed to delete collection";
                var refs = CollectionReferences.To(app.FindAllCollections(), ev.Collection, excludeSelf: true);
                if (refs.Count > 0)
                    message += " probably due to existing reference in " + string.Join(", ", refs.Select(r => r.Collection.Name).Distinct());
                throw ApiException.BadRequest(message);
            }
            ev.NoContent();
        });
        await RequestEventResponse.WriteAsync(e);
    }
}
