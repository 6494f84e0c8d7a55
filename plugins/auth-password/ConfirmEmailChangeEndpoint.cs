using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Http;
using Satchel.Models;

namespace Satchel.Plugins.AuthPassword;

/// <summary>
/// POST /api/collections/{collection}/confirm-email-change: with a valid email change token and
/// the account's password, moves the record to the token's new address (verified, since the
/// link reached it). The new address must still be free; the changed email gives the record a
/// new tokenKey, so older tokens stop working.
/// </summary>
internal sealed class ConfirmEmailChangeEndpoint(IApp app, IResponseWriter writer)
{
    public async Task HandleAsync(HttpContext http)
    {
        var collection = app.FindAuthCollection(http.Request.RouteValues["collection"]?.ToString() ?? "");
        if (collection.IsSuperusers) throw ApiException.BadRequest("All superusers can change their emails directly.");

        var body = await ActionForm.ReadAsync(http);
        var token = ActionForm.Text(body, "token");
        var password = ActionForm.Text(body, "password");

        var (record, newEmail, tokenError) = ParseToken(collection, token);
        var errors = new ValidationErrors();
        errors.AddIf("token", token == "" ? FormRules.Required() : tokenError);
        errors.AddIf("password", FormRules.RequiredText(password, 1, 100)
            ?? (record == null || !PasswordCheck.Verify(record, password)
                ? new ValidationError("validation_invalid_password", "Missing or invalid auth record password.")
                : null));
        errors.ThrowIfAny(ActionForm.ValidationFailed);
        if (record == null) throw ApiException.BadRequest("Invalid or expired token.");

        var ev = new RecordConfirmEmailChangeRequestEvent(app, http, collection, record, newEmail);
        app.Hooks.OnRecordConfirmEmailChangeRequest.Trigger(ev, e =>
        {
            e.Record.Set("email", e.NewEmail);
            e.Record.Set("verified", true);
            try { e.App.SaveRecord(e.Record); }
            catch (ApiException ex) when (ex.Status == StatusCodes.Status400BadRequest)
            {
                throw new ApiException(ex.Status, "Failed to confirm email change.", ex.Data);
            }
            e.NoContent();
        });
        await writer.WriteAsync(ev);
    }

    /// <summary>The record and new address of a valid token, or the reason it isn't one.</summary>
    private (Record? Record, string NewEmail, ValidationError? Error) ParseToken(Collection collection, string token)
    {
        if (token == "") return (null, "", null);
        var newEmail = ActionToken.Claim(app, token, "newEmail");
        if (newEmail == "")
            return (null, "", new ValidationError("validation_invalid_token_payload", "Invalid token payload - newEmail must be set."));
        var record = ActionToken.Find(app, token, TokenTypes.EmailChange);
        if (record == null) return (null, "", ActionToken.Invalid());
        if (record.Collection.Id != collection.Id) return (null, "", ActionToken.CollectionMismatch());
        if (app.FindAuthRecordByEmail(collection.Id, newEmail) != null)
            return (null, "", new ValidationError("validation_invalid_token_email", "The new email address is invalid."));
        return (record, newEmail, null);
    }
}
