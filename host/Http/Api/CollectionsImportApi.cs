using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Satchel.Collections;
using Satchel.Core;
using Satchel.Errors;
using Satchel.Hooks;

namespace Satchel.Http.Api;

/// <summary>PUT /api/collections/import: replaces and creates collections from their JSON (optionally deleting the rest).</summary>
public static class CollectionsImportApi
{
    private const string Failed = "Failed to import collections.";

    public static void Map(WebApplication web) => web.MapPut("/api/collections/import", Import);

    private static async Task Import(HttpContext http, SatchelApp app)
    {
        http.RequireSuperuser();
        var body = await RequestBody.ReadObjectAsync(http);

        List<JsonObject> collections;
        bool deleteMissing;
        try
        {
            collections = body["collections"] switch
            {
                null => new List<JsonObject>(),
                JsonArray a => a.Select(n => n as JsonObject ?? throw new InvalidOperationException()).ToList(),
                _ => throw new InvalidOperationException(),
            };
            deleteMissing = body["deleteMissing"] is { } d && d.GetValue<bool>();
        }
        catch (InvalidOperationException)
        {
            throw ApiException.BadRequest("An error occurred while loading the submitted data.");
        }
        if (collections.Count == 0)
            throw ApiException.Validation(new ValidationErrors().Add("collections", CollectionErrors.Required()),
                "An error occurred while validating the submitted data.");

        var e = new CollectionsImportRequestEvent(app, http) { CollectionsData = collections, DeleteMissing = deleteMissing };
        app.Hooks.OnCollectionsImportRequest.Trigger(e, ev =>
        {
            try
            {
                new CollectionImporter(app).Import(ev.CollectionsData, ev.DeleteMissing);
            }
            catch (CollectionValidationException v)
            {
                throw ApiException.Validation(v.Errors, Failed);
            }
            catch (Exception ex) when (ex is not ApiException)
            {
                throw ApiException.Validation(new ValidationErrors().Add("collections", "validation_collections_import_failure",
                    "Failed to import the collections configuration. Raw error:\n" + ex.Message), Failed);
            }
            ev.NoContent();
        });
        await RequestEventResponse.WriteAsync(e);
    }
}
