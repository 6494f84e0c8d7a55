using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Http;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Plugins.AuthPassword;

/// <summary>
/// POST /api/collections/{collection}/confirm-password-reset: sets the new password of the
/// record of a valid reset token. The new password changes the record's tokenKey, so every
/// token issued before (auth tokens and other reset links included) stops working.
/// </summary>
internal sealed class ConfirmPasswordResetEndpoint(IApp app, IResponseWriter writer, ResendGuard guard)
{
    public async Task HandleAsync(HttpContext http)
    {
        var collection = app.FindAuthCollection(http.Request.RouteValues["collection"]?.ToString() ?? "");

        var body = await ActionForm.ReadAsync(http);
        var token = ActionForm.Text(body, "token");
        var password = ActionForm.Text(body, "password");
        var passwordConfirm = ActionForm.Text(body, "passwordConfirm");

        // The password field checks the rest (max length, pattern) when the record is saved.
        var min = collection.Fields.ByName("password") is PasswordField { Min: > 0 } field ? field.Min : 1;
        var errors = new ValidationErrors();
        errors.AddIf("token", token == "" ? FormRules.Required() : CheckToken(collection, token));
        errors.AddIf("password", FormRules.RequiredText(password, min, 255));
        errors.AddIf("passwordConfirm", passwordConfirm == "" ? FormRules.Required()
            : passwordConfirm != password ? new ValidationError("validation_values_mismatch", "Values don't match.") : null);
        errors.ThrowIfAny(ActionForm.ValidationFailed);

        var record = ActionToken.Find(app, token, TokenTypes.PasswordReset)
            ?? throw ApiException.BadRequest("Invalid or expired password reset token.");
        var tokenEmail = ActionToken.Claim(app, token, "email");

        var ev = new RecordConfirmPasswordResetRequestEvent(app, http, collection, record);
        app.Hooks.OnRecordConfirmPasswordResetRequest.Trigger(ev, e =>
        {
            e.Record.Set("password", password);
            // The link reached the record's current address, which proves it.
            if (!e.Record.GetBool("verified") && e.Record.GetString("email") == tokenEmail) e.Record.Set("verified", true);
            try { e.App.SaveRecord(e.Record); }
            catch (ApiException ex) when (ex.Status == StatusCodes.Status400BadRequest)
            {
                throw new ApiException(ex.Status, "Failed to set new password.", ex.Data);
            }
            guard.Lift(RequestPasswordResetEndpoint.Kind, e.Record);
            e.NoContent();
        });
        await writer.WriteAsync(ev);
    }

    private ValidationError? CheckToken(Collection collection, string token)
    {
        var record = ActionToken.Find(app, token, TokenTypes.PasswordReset);
        if (record == null) return ActionToken.Invalid();
        return record.Collection.Id != collection.Id ? ActionToken.CollectionMismatch() : null;
    }
}
