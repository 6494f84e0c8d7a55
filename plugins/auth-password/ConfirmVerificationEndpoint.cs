using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Http;
using Satchel.Models;

namespace Satchel.Plugins.AuthPassword;

/// <summary>POST /api/collections/{collection}/confirm-verification: marks the record of a valid verification token verified.</summary>
internal sealed class ConfirmVerificationEndpoint(IApp app, IResponseWriter writer, ResendGuard guard)
{
    public async Task HandleAsync(HttpContext http)
    {
        var collection = app.FindAuthCollection(http.Request.RouteValues["collection"]?.ToString() ?? "");
        if (collection.IsSuperusers) throw ApiException.BadRequest("All superusers are verified by default.");

        var token = ActionForm.Text(await ActionForm.ReadAsync(http), "token");
        var errors = new ValidationErrors();
        errors.AddIf("token", token == "" ? FormRules.Required() : CheckToken(collection, token));
        errors.ThrowIfAny(ActionForm.ValidationFailed);

        var record = ActionToken.Find(app, token, TokenTypes.Verification)
            ?? throw ApiException.BadRequest("Invalid or expired verification token.");
        var wasVerified = record.GetBool("verified");

        var ev = new RecordConfirmVerificationRequestEvent(app, http, collection, record);
        app.Hooks.OnRecordConfirmVerificationRequest.Trigger(ev, e =>
        {
            if (!wasVerified)
            {
                e.Record.Set("verified", true);
                // Without password sign-in nobody knows the password; a random one keeps a password
                // set before verification (possibly by someone else) from working if it is turned on later.
                if (e.Record.Collection.Auth?.PasswordAuth.Enabled != true) e.Record.Set("password", RandomPassword.New());
                try { e.App.SaveRecord(e.Record); }
                catch (ApiException ex) when (ex.Status == StatusCodes.Status400BadRequest)
                {
                    throw new ApiException(ex.Status, "An error occurred while saving the verified state.", ex.Data);
                }
            }
            guard.Lift(RequestVerificationEndpoint.Kind, e.Record);
            e.NoContent();
        });
        await writer.WriteAsync(ev);
    }

    private ValidationError? CheckToken(Collection collection, string token)
    {
        var email = ActionToken.Claim(app, token, "email");
        if (email == "") return new ValidationError("validation_invalid_token_claims", "Missing email token claim.");
        var record = ActionToken.Find(app, token, TokenTypes.Verification);
        if (record == null) return ActionToken.Invalid();
        if (record.Collection.Id != collection.Id) return ActionToken.CollectionMismatch();
        if (record.GetString("email") != email)
            return new ValidationError("validation_token_email_mismatch", "The record email doesn't match with the requested token claims.");
        return null;
    }
}
