using Microsoft.AspNetCore.Builder;

namespace Satchel.Http;

/// <summary>
/// Endpoint metadata naming the actions of a collection route for the rate limiter. A request to
/// such a route is matched against the rules "COLLECTION:TAG" (each tag, in order), then
/// "*:TAG", then the request's "METHOD /path" and "/path" (exact or by prefix), the first match
/// winning; without this metadata only the path labels apply. PocketBase's tags: "list", "view",
/// "create", "update", "delete", "file", "listAuthMethods", "authRefresh", "authWithPassword" +
/// "auth", "authWithOAuth2" + "auth", "requestOTP", "authWithOTP" + "auth",
/// "requestPasswordReset", "confirmPasswordReset", "requestVerification",
/// "confirmVerification", "requestEmailChange", "confirmEmailChange".
/// </summary>
public sealed class RateLimitTags
{
    public RateLimitTags(params string[] tags)
    {
        if (tags.Length == 0) throw new ArgumentException("at least one tag is needed", nameof(tags));
        Tags = tags;
    }

    public IReadOnlyList<string> Tags { get; }

    /// <summary>The route value holding the collection name or id.</summary>
    public string CollectionRouteValue { get; init; } = "collection";
}

public static class RateLimitEndpointExtensions
{
    /// <summary>
    /// Declares the route's rate limit tags, e.g.
    /// <c>routes.MapPost("/api/collections/{collection}/auth-with-password", …).RateLimited("authWithPassword", "auth")</c>.
    /// </summary>
    public static TBuilder RateLimited<TBuilder>(this TBuilder builder, params string[] tags) where TBuilder : IEndpointConventionBuilder
        => builder.WithMetadata(new RateLimitTags(tags));
}
