using Microsoft.AspNetCore.Http;
using Satchel.Models;

namespace Satchel.Http;

/// <summary>
/// The app's rate limiter (settings.rateLimits), resolvable from the container. Routes declare
/// their tags with <see cref="RateLimitTags"/> and are checked before their handler runs; code
/// that performs a collection action outside such a route (e.g. each request of a batch) checks
/// it here.
/// </summary>
public interface IRateLimiter
{
    /// <summary>
    /// Counts one request of <paramref name="http"/>'s client against the rule matching the
    /// collection's tags; throws a 429 <see cref="Errors.ApiException"/> when the limit is reached.
    /// Does nothing when rate limiting is off, for superusers and for excluded IPs.
    /// </summary>
    void CheckCollection(HttpContext http, Collection collection, params string[] tags);

    /// <summary>
    /// The client's IP as the limiter counts it: from the trusted proxy headers of the settings,
    /// else the connection's address ("" when unknown). Use it for other per-client limits too.
    /// </summary>
    string ClientIpOf(HttpContext http);
}
