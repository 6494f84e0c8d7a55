using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Satchel.Auth;
using Satchel.Errors;
using Satchel.Hooks;

namespace Satchel.Http.Api;

/// <summary>
/// POST /api/collections/{collection}/auth-refresh and
/// POST /api/collections/{collection}/impersonate/{id}: the record auth endpoints that need no
/// sign-in method of their own.
/// </summary>
public static class RecordAuthApi
{
    public static void Map(WebApplication web)
    {
        web.MapPost("/api/collections/{collection}/auth-refresh", Refresh).RateLimited("authRefresh");
        web.MapPost("/api/collections/{collection}/impersonate/{id}", Impersonate);
    }

    private static async Task Refresh(HttpContext http, string collection, [FromServices] IApp app, [FromServices] IRecordAuthResponder responder)
    {
        var auth = http.GetAuth() ?? throw ApiException.Unauthorized();
        var target = app.FindCollectionByNameOrId(collection);
        if (target == null || target.Id != auth.Collection.Id)
            throw ApiException.Forbidden($"The request requires auth record from {auth.Collection.Name} collection.");

        var ev = new RecordAuthRefreshRequestEvent(app, http, target, auth);
        app.Hooks.OnRecordAuthRefreshRequest.Trigger(ev, e =>
        {
            // A token that doesn't allow renewal (e.g. from an impersonation) is answered as it is.
            var token = AuthHeader.Token(e.Http);
            if (IsRefreshable(app.Tokens.ReadClaims(token))) token = app.Tokens.NewAuthToken(e.Record);
            var answer = responder.RespondWithToken(e.Http, e.Record, token, "");
            e.Json(answer.Status, answer.Response);
        });
        await RequestEventResponse.WriteAsync(ev);
    }

    private static bool IsRefreshable(IReadOnlyDictionary<string, object?>? claims)
        => claims != null && claims.TryGetValue("refreshable", out var v) && v switch
        {
            bool b => b,
            double d => d != 0,
            string s => s is "true" or "1" or "TRUE" or "True",
            _ => false,
        };

    private static async Task Impersonate(HttpContext http, string collection, string id, [FromServices] IApp app, [FromServices] IRecordAuthResponder responder)
    {
        http.RequireSuperuser();
        var target = app.FindAuthCollection(collection);
        var record = app.FindRecordById(target.Id, id) ?? throw ApiException.NotFound();

        var duration = ReadDuration(await ReadBody(http));
        if (duration < 0)
        {
            throw ApiException.Validation(new ValidationErrors().Add("duration", "validation_min_greater_equal_than_required", "Must be no less than 0."),
                "An error occurred while validating the submitted data.");
        }

        // Zero means the collection's authToken duration; impersonation tokens are never refreshable.
        var token = app.Tokens.NewAuthToken(record, duration > 0 ? TimeSpan.FromSeconds(duration) : null, refreshable: false);
        var answer = responder.RespondWithToken(http, record, token, "");
        await RequestEventResponse.WriteAsync(answer);
    }

    private static async Task<JsonObject> ReadBody(HttpContext http)
    {
        try { return await http.ReadBodyAsync(); }
        catch (ApiException e) when (e.Status == StatusCodes.Status400BadRequest)
        {
            throw ApiException.BadRequest("An error occurred while loading the submitted data.");
        }
    }

    private static long ReadDuration(JsonObject body)
    {
        var node = body["duration"];
        if (node == null) return 0;
        if (node is JsonValue v)
        {
            if (v.TryGetValue<long>(out var l)) return l;
            if (v.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < long.MaxValue) return (long)d;
            if (v.TryGetValue<string>(out var s) && long.TryParse(s.Trim(), out var parsed)) return parsed;
        }
        throw ApiException.BadRequest("An error occurred while loading the submitted data.");
    }
}
