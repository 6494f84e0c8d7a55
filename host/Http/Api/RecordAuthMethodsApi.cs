using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Satchel.Auth;

namespace Satchel.Http.Api;

/// <summary>
/// GET /api/collections/{collection}/auth-methods: the public list of a collection's sign-in
/// methods. Each auth plugin contributes its own section (<see cref="IAuthMethodsContributor"/>);
/// a method whose plugin isn't loaded is answered as disabled, exactly like a collection that has it off.
/// </summary>
public static class RecordAuthMethodsApi
{
    public static void Map(WebApplication web)
    {
        web.MapGet("/api/collections/{collection}/auth-methods", (HttpContext http, string collection) =>
        {
            var app = http.RequestServices.GetRequiredService<IApp>();
            var contributors = http.RequestServices.GetServices<IAuthMethodsContributor>();
            var target = app.FindAuthCollection(collection);
            var sections = DisabledSections();
            foreach (var contributor in contributors)
                sections[contributor.Section] = contributor.Describe(http, target);

            AddLegacyFields(sections);
            return ApiJson.Write(http, StatusCodes.Status200OK, sections);
        }).RateLimited("listAuthMethods");
    }

    /// <summary>The sections in PocketBase's order, each as PocketBase shows a method that is off.</summary>
    private static JsonObject DisabledSections() => new()
    {
        ["password"] = new JsonObject { ["identityFields"] = new JsonArray(), ["enabled"] = false },
        ["oauth2"] = new JsonObject { ["providers"] = new JsonArray(), ["enabled"] = false },
        ["mfa"] = new JsonObject { ["enabled"] = false, ["duration"] = 0 },
        ["otp"] = new JsonObject { ["enabled"] = false, ["duration"] = 0 },
    };

    /// <summary>The pre-v0.23 keys older SDKs read, derived from the sections.</summary>
    private static void AddLegacyFields(JsonObject sections)
    {
        var password = sections["password"] as JsonObject;
        var passwordOn = password?["enabled"]?.GetValue<bool>() == true;
        var identityFields = (password?["identityFields"] as JsonArray)?.Select(n => n?.ToString()).ToList() ?? new();

        JsonArray? providers = null;
        if (sections["oauth2"] is JsonObject oauth2 && oauth2["enabled"]?.GetValue<bool>() == true && oauth2["providers"] is JsonArray list)
        {
            providers = new JsonArray();
            foreach (var p in list)
            {
                if (p is not JsonObject provider) continue;
                var copy = (JsonObject)provider.DeepClone();
                if (copy.ContainsKey("logo")) copy["logo"] = "";
                providers.Add(copy);
            }
        }

        sections["authProviders"] = providers;
        sections["usernamePassword"] = passwordOn && identityFields.Contains("username");
        sections["emailPassword"] = passwordOn && identityFields.Contains("email");
    }
}
