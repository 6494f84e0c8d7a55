using Satchel.Errors;
using Satchel.Models;

namespace Satchel.Auth;

public static class AuthCollections
{
    /// <summary>The auth collection named by a route's {collection}; 404 when it is missing or not an auth collection.</summary>
    public static Collection FindAuthCollection(this IApp app, string nameOrId)
    {
        var collection = app.FindCollectionByNameOrId(nameOrId);
        if (collection is not { IsAuth: true }) throw ApiException.NotFound("Missing or invalid auth collection context.");
        return collection;
    }
}
