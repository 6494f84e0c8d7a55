using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Http;

namespace Satchel.Plugins.AuthPassword;

/// <summary>POST /api/collections/{collection}/auth-with-password</summary>
public sealed class AuthWithPasswordEndpoint(IApp app, IRecordAuthResponder responder, IResponseWriter writer)
{
    public async Task HandleAsync(HttpContext http)
    {
        var collection = app.FindAuthCollection(http.Request.RouteValues["collection"]?.ToString() ?? "");
        if (collection.Auth?.PasswordAuth.Enabled != true)
            throw ApiException.Forbidden("The collection is not configured to allow password authentication.");

        var form = PasswordForm.From(await ReadBody(http));
        form.Validate(collection);
        http.SetRequestContext(RequestContext.PasswordAuth);

        var record = form.IdentityField != ""
            ? IdentityLookup.ByField(app, collection, form.IdentityField, form.Identity)
            : IdentityLookup.ByAnyField(app, collection, form.Identity);

        var ev = new RecordAuthWithPasswordRequestEvent(app, http, collection)
        {
            Record = record,
            Identity = form.Identity,
            IdentityField = form.IdentityField,
            Password = form.Password,
        };
        app.Hooks.OnRecordAuthWithPasswordRequest.Trigger(ev, e =>
        {
            if (e.Record == null || !PasswordCheck.Verify(e.Record, e.Password))
            {
                if (e.Record == null) PasswordCheck.Dummy(app, e.Collection, e.Password);
                // One answer for an unknown identity and a wrong password, so neither can be told apart.
                throw ApiException.BadRequest("Failed to authenticate.");
            }
            var answer = responder.Respond(e.Http, e.Record, AuthMethods.Password);
            e.Json(answer.Status, answer.Response);
        });
        await writer.WriteAsync(ev);
    }

    private static async Task<JsonObject> ReadBody(HttpContext http)
    {
        try { return await http.ReadBodyAsync(); }
        catch (ApiException e) when (e.Status == StatusCodes.Status400BadRequest)
        {
            throw ApiException.BadRequest(PasswordForm.LoadFailed);
        }
    }
}
