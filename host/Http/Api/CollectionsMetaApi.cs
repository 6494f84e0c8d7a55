using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Satchel.Collections;
using Satchel.Collections.Views;
using Satchel.Core;
using Satchel.Errors;

namespace Satchel.Http.Api;

/// <summary>
/// GET /api/collections/meta/scaffolds (a blank collection of each type) and
/// POST /api/collections/meta/dry-run-view (the fields and a sample of a view query).
/// </summary>
public static class CollectionsMetaApi
{
    private const int MaxQueryLength = 5000;

    public static void Map(WebApplication web)
    {
        web.MapGet("/api/collections/meta/scaffolds", Scaffolds);
        web.MapPost("/api/collections/meta/dry-run-view", DryRunView);
    }

    private static Task Scaffolds(HttpContext http)
    {
        http.RequireSuperuser();
        var json = new JsonObject();
        foreach (var (type, c) in CollectionScaffolds.All()) json[type] = CollectionJson.ToApiJson(c);
        return ApiJson.Write(http, 200, json);
    }

    private static async Task DryRunView(HttpContext http, SatchelApp app)
    {
        http.RequireSuperuser();
        var body = await RequestBody.ReadObjectAsync(http);
        string query;
        try { query = body["query"]?.GetValue<string>() ?? ""; }
        catch (InvalidOperationException) { throw ApiException.BadRequest("An error occurred while loading the submitted data."); }

        var errors = new ValidationErrors();
        if (query == "") errors.Add("query", CollectionErrors.Required());
        else if (query.Length > MaxQueryLength) errors.Add("query", CollectionErrors.LengthTooLong(MaxQueryLength));
        errors.ThrowIfAny("An error occurred while validating the submitted data.");

        ViewDryRunResult result;
        try
        {
            result = new ViewDryRun(app.Db, new CollectionStore(app.Db)).Run(query, 10);
        }
        catch (Exception ex) when (ex is not ApiException)
        {
            throw ApiException.BadRequest("Invalid view query. Raw error: \n" + ex.Message);
        }

        await ApiJson.Write(http, 200, new JsonObject
        {
            ["fields"] = new JsonArray(result.Fields.Select(f => (JsonNode?)f.ToJsonObject()).ToArray()),
            ["sample"] = new JsonArray(result.Sample.Select(s => (JsonNode?)s).ToArray()),
        });
    }
}
