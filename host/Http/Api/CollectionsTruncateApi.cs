using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Satchel.Collections;
using Satchel.Core;
using Satchel.Errors;

namespace Satchel.Http.Api;

/// <summary>DELETE /api/collections/{collection}/truncate: deletes every record of a base or auth collection.</summary>
public static class CollectionsTruncateApi
{
    public static void Map(WebApplication web) => web.MapDelete("/api/collections/{collection}/truncate", Truncate);

    private static Task Truncate(HttpContext http, SatchelApp app, string collection)
    {
        http.RequireSuperuser();
        var c = CollectionsApi.Find(app, collection);
        if (c.IsView) throw ApiException.BadRequest("View collections cannot be truncated since they don't store their own records.");
        try
        {
            new CollectionTruncator(app).Truncate(c);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw ApiException.BadRequest("Failed to truncate collection (most likely due to required cascade delete record references).");
        }
        return ApiJson.NoContent(http);
    }
}
