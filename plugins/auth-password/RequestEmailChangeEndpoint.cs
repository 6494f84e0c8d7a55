using Microsoft.AspNetCore.Http;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Http;
using Satchel.Models;

namespace Satchel.Plugins.AuthPassword;

/// <summary>
/// POST /api/collections/{collection}/request-email-change: the signed-in record asks to move to
/// a new address, which gets a confirmation link. The answer is 204 whether or not another
/// account already uses the address (then nothing is sent: the change could never be
/// confirmed), so the endpoint can't be used to find out which addresses are registered.
/// </summary>
internal sealed class RequestEmailChangeEndpoint(IApp app, IResponseWriter writer, MailAfterCommit mail)
{
    public async Task HandleAsync(HttpContext http)
    {
        var auth = http.GetAuth() ?? throw ApiException.Unauthorized("The request requires valid record authorization token.");
        var collection = app.FindCollectionByNameOrId(http.Request.RouteValues["collection"]?.ToString() ?? "");
        if (collection == null || collection.Id != auth.Collection.Id)
            throw ApiException.Forbidden($"The request requires auth record from {auth.Collection.Name} collection.");
        if (collection.IsSuperusers) throw ApiException.BadRequest("All superusers can change their emails directly.");

        var newEmail = ActionForm.Text(await ActionForm.ReadAsync(http), "newEmail");
        var errors = new ValidationErrors();
        errors.AddIf("newEmail", FormRules.Email(newEmail)
            ?? (newEmail == auth.GetString("email") ? new ValidationError("validation_not_in_invalid", "Must not be in list.") : null));
        errors.ThrowIfAny(ActionForm.ValidationFailed);

        var ev = new RecordRequestEmailChangeRequestEvent(app, http, collection, auth, newEmail);
        app.Hooks.OnRecordRequestEmailChangeRequest.Trigger(ev, e =>
        {
            var record = e.Record;
            var address = e.NewEmail;
            if (!IsTaken(e.App, record, address))
                mail.Send("email change", record, () => e.App.RecordMails.SendEmailChange(record, address));
            e.NoContent();
        });
        await writer.WriteAsync(ev);
    }

    private static bool IsTaken(IApp app, Record record, string email)
        => app.FindAuthRecordByEmail(record.Collection.Id, email) is { } other && other.Id != record.Id;
}
