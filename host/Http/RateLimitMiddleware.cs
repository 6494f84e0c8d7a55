using Microsoft.AspNetCore.Http;
using Satchel.Http.RateLimit;

namespace Satchel.Http;

/// <summary>
/// Applies settings.rateLimits to every routed request, after the auth state is loaded (rules
/// may target guests or authenticated clients). A route declaring <see cref="RateLimitTags"/>
/// is limited by its collection's tag rules; any other route by its path. Over the limit the
/// request ends with PocketBase's 429 body.
/// </summary>
public sealed class RateLimitMiddleware(RequestDelegate next, RateLimiter limiter, IApp app)
{
    public Task InvokeAsync(HttpContext http)
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<RateLimitTags>() is { } tags)
        {
            // An unknown collection is left to the route's own 404.
            var name = http.GetRouteValue(tags.CollectionRouteValue)?.ToString();
            if (name != null && app.FindCollectionByNameOrId(name) is { } collection)
                limiter.CheckCollection(http, collection, tags.Tags.ToArray());
        }
        else
        {
            limiter.CheckPath(http);
        }
        return next(http);
    }
}
