using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Http;
using Satchel.Models;
using Satchel.Records;

namespace Satchel.Auth;

/// <summary>
/// The end of every sign-in and token refresh: the superuser IP allow-list, the collection's
/// authRule, then <c>OnRecordAuthRequest</c>. Plugins hang the extra steps of a sign-in (MFA,
/// login alerts, auth origins) on that hook; its core step answers <c>{"token","record"}</c>
/// (plus "meta" when given) with the record rendered for its owner.
/// </summary>
public sealed class RecordAuthResponder(IApp app, IRecordRuleChecker rules) : IRecordAuthResponder
{
    public const string AuthRuleFailed = "The request doesn't satisfy the collection requirements to authenticate.";

    public RecordAuthRequestEvent Respond(HttpContext http, Record record, string authMethod, object? meta = null)
    {
        // Checked before the token is issued so a refused sign-in never mints one.
        CheckAccess(http, record);
        return Finish(http, record, app.Tokens.NewAuthToken(record), authMethod, meta);
    }

    public RecordAuthRequestEvent RespondWithToken(HttpContext http, Record record, string token, string authMethod, object? meta = null)
    {
        CheckAccess(http, record);
        return Finish(http, record, token, authMethod, meta);
    }

    private void CheckAccess(HttpContext http, Record record)
    {
        if (record.Collection.IsSuperusers)
        {
            if (!SuperuserIps.Allow(app.Settings, http)) throw ApiException.Forbidden();
        }

        // Evaluated with the request's own auth state: a guest for a sign-in, the superuser for an impersonation.
        if (!rules.CanAccess(http, record, record.Collection.Auth?.AuthRule))
            throw ApiException.Forbidden(AuthRuleFailed);
    }

    private RecordAuthRequestEvent Finish(HttpContext http, Record record, string token, string authMethod, object? meta)
    {
        var ev = new RecordAuthRequestEvent(app, http, record.Collection, record, token, authMethod) { Meta = meta };
        app.Hooks.OnRecordAuthRequest.Trigger(ev, e =>
        {
            if (e.Http.Response.HasStarted) return;
            var body = new JsonObject();
            if (e.Meta != null) body["meta"] = e.Meta as JsonNode ?? JsonSerializer.SerializeToNode(e.Meta, ApiJson.Options);
            body["record"] = AuthRecordJson.Render(e.Http, e.Record);
            body["token"] = e.Token;
            // ?fields applies to the whole answer ("token,record.id,record.expand.rel.name").
            e.Json(StatusCodes.Status200OK, FieldsPicker.Pick(body, e.Http.Request.Query["fields"].ToString()));
        });
        return ev;
    }
}
