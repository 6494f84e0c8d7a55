using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Http;

namespace Satchel.Plugins.AuthPassword;

/// <summary>
/// POST /api/collections/{collection}/request-password-reset: emails a password reset link. The
/// answer is 204 whether or not an account has the address.
/// </summary>
internal sealed class RequestPasswordResetEndpoint(IApp app, IResponseWriter writer, ResendGuard guard, MailAfterCommit mail)
{
    public const string Kind = "password reset";

    public async Task HandleAsync(HttpContext http)
    {
        var collection = app.FindAuthCollection(http.Request.RouteValues["collection"]?.ToString() ?? "");
        if (collection.Auth?.PasswordAuth.Enabled != true)
            throw ApiException.BadRequest("The collection is not configured to allow password authentication.");

        var email = ActionForm.Text(await ActionForm.ReadAsync(http), "email");
        var errors = new ValidationErrors();
        errors.AddIf("email", FormRules.Email(email));
        errors.ThrowIfAny(ActionForm.ValidationFailed);

        var record = app.FindAuthRecordByEmail(collection.Id, email);
        // An unknown address, or one that was just sent a link, gets the same 204 and nothing else.
        if (record == null || guard.IsPaused(Kind, record))
        {
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        var ev = new RecordRequestPasswordResetRequestEvent(app, http, collection, record);
        app.Hooks.OnRecordRequestPasswordResetRequest.Trigger(ev, e =>
        {
            var target = e.Record;
            guard.Pause(Kind, target);
            // A failed send may be retried at once.
            mail.Send(Kind, target, () => e.App.RecordMails.SendPasswordReset(target), failed: () => guard.Lift(Kind, target));
            e.NoContent();
        });
        await writer.WriteAsync(ev);
    }
}
