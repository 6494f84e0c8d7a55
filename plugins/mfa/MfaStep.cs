using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Http;

namespace Satchel.Plugins.Mfa;

/// <summary>
/// The MFA check of a sign-in, bound to <c>OnRecordAuthRequest</c>. Any two different methods
/// make a login (there is no fixed pairing); token refreshes and impersonations carry no method
/// and are never asked for a second factor.
/// </summary>
internal sealed class MfaStep(MfaSessions sessions, IRecordRuleChecker rules)
{
    public void Handle(RecordAuthRequestEvent e)
    {
        var options = e.Record.Collection.Auth?.Mfa;
        if (options?.Enabled != true || e.AuthMethod == "" || e.Http.Response.HasStarted || !Wanted(e))
        {
            e.Next();
            return;
        }

        var mfaId = MfaId(e.Http);
        if (mfaId == "")
        {
            // First factor passed: remember it and ask for another method instead of answering a token.
            var session = sessions.Create(e.Record, e.AuthMethod);
            e.Json(StatusCodes.Status401Unauthorized, new JsonObject { ["mfaId"] = session.Id });
            return;
        }

        var existing = sessions.Find(mfaId);
        if (existing == null || MfaSessions.HasExpired(existing, options.Duration))
        {
            if (existing != null) sessions.Delete(existing);
            throw ApiException.BadRequest("Invalid or expired MFA session.");
        }
        if (existing.GetString("recordRef") != e.Record.Id || existing.GetString("collectionRef") != e.Record.Collection.Id)
            throw ApiException.BadRequest("Invalid MFA session.");
        if (existing.GetString("method") == e.AuthMethod)
            throw ApiException.BadRequest("A different authentication method is required.");

        sessions.Delete(existing);
        e.Next();
    }

    /// <summary>An empty mfa.rule asks every record; a rule that fails to evaluate also asks (the safer default).</summary>
    private bool Wanted(RecordAuthRequestEvent e)
    {
        var rule = e.Record.Collection.Auth!.Mfa.Rule;
        if (string.IsNullOrWhiteSpace(rule)) return true;
        try
        {
            return rules.Matches(e.Http, e.Record, rule);
        }
        catch (Exception)
        {
            throw ApiException.BadRequest("Failed to authenticate.");
        }
    }

    /// <summary>The mfaId of the second step: the query parameter, else the body field.</summary>
    private static string MfaId(HttpContext http)
    {
        var fromQuery = http.Request.Query["mfaId"].ToString();
        if (fromQuery != "") return fromQuery;

        JsonObject body;
        try
        {
            // The sign-in endpoint has already read the body, so this completes at once from the request's copy.
            body = http.ReadBodyAsync().GetAwaiter().GetResult();
        }
        catch (ApiException e) when (e.Status == StatusCodes.Status400BadRequest)
        {
            throw ApiException.BadRequest("Failed to read MFA Id");
        }
        return body["mfaId"] switch
        {
            null => "",
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => throw ApiException.BadRequest("Failed to read MFA Id"),
        };
    }
}
