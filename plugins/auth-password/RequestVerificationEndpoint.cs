using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Http;

namespace Satchel.Plugins.AuthPassword;

/// <summary>
/// POST /api/collections/{collection}/request-verification: emails a verification link to an
/// unverified record. The answer is 204 whether or not an account has the address.
/// </summary>
internal sealed class RequestVerificationEndpoint(IApp app, IResponseWriter writer, ResendGuard guard, MailAfterCommit mail)
{
    public const string Kind = "verification";

    public async Task HandleAsync(HttpContext http)
    {
        var collection = app.FindAuthCollection(http.Request.RouteValues["collection"]?.ToString() ?? "");
        if (collection.IsSuperusers) throw ApiException.BadRequest("All superusers are verified by default.");

        var email = ActionForm.Text(await ActionForm.ReadAsync(http), "email");
        var errors = new ValidationErrors();
        errors.AddIf("email", FormRules.Email(email));
        errors.ThrowIfAny(ActionForm.ValidationFailed);

        var record = app.FindAuthRecordByEmail(collection.Id, email);
        // An unknown address, or one that was just sent a link, gets the same 204 and nothing else.
        if (record == null || (!record.GetBool("verified") && guard.IsPaused(Kind, record)))
        {
            http.Response.StatusCode = StatusCodes.Status204NoContent;
            return;
        }

        var ev = new RecordRequestVerificationRequestEvent(app, http, collection, record);
        app.Hooks.OnRecordRequestVerificationRequest.Trigger(ev, e =>
        {
            if (!e.Record.GetBool("verified"))
            {
                var target = e.Record;
                guard.Pause(Kind, target);
                mail.Send(Kind, target, () => e.App.RecordMails.SendVerification(target));
            }
            e.NoContent();
        });
        await writer.WriteAsync(ev);
    }
}
