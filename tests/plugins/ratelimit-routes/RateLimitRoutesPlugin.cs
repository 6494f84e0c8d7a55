using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Satchel.Errors;
using Satchel.Http;
using Satchel.Plugins;

namespace Satchel.TestPlugins.RateLimitRoutes;

/// <summary>
/// POST /api/collections/{collection}/probe-auth: a sign-in that always fails with PocketBase's
/// 400, tagged "probeAuth" + "auth" like auth-with-password; GET /probe-rl/ok: an untagged route.
/// </summary>
public sealed class RateLimitRoutesPlugin : IPlugin
{
    public string Name => "ratelimit-routes";

    public void Configure(IPluginContext context)
    {
        context.Routes.MapPost("/api/collections/{collection}/probe-auth",
                (string collection) =>
                {
                    if (context.App.FindCollectionByNameOrId(collection) is not { IsAuth: true })
                        throw ApiException.NotFound("Missing collection context.");
                    throw ApiException.BadRequest("Failed to authenticate.");
                })
            .RateLimited("probeAuth", "auth");
        context.Routes.MapGet("/probe-rl/ok", () => Results.Json(new { ok = true }));
    }
}
