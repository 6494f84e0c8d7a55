using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Satchel.Auth;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Http;
using Satchel.Models;

namespace Satchel.Plugins.AuthOtp;

/// <summary>
/// POST /api/collections/{collection}/request-otp: stores a new one-time password for the
/// account with the email and mails it. The answer is always 200 <c>{"otpId"}</c>; for an
/// unknown address the id is made up and nothing is stored or sent, so the answer doesn't tell
/// whether the address has an account.
/// </summary>
internal sealed class RequestOtpEndpoint(IApp app, IResponseWriter writer, OtpStore store, ILogger log)
{
    /// <summary>Outside dev mode, a record with more valid codes than this gets the newest one again instead of a new one.</summary>
    public const int MaxValidCodes = 9;

    public async Task HandleAsync(HttpContext http)
    {
        var collection = app.FindAuthCollection(http.Request.RouteValues["collection"]?.ToString() ?? "");
        if (collection.Auth?.Otp.Enabled != true)
            throw ApiException.Forbidden("The collection is not configured to allow OTP authentication.");

        var email = ActionForm.Text(await ActionForm.ReadAsync(http), "email");
        var errors = new ValidationErrors();
        errors.AddIf("email", FormRules.Email(email));
        errors.ThrowIfAny(ActionForm.ValidationFailed);

        var ev = new RecordCreateOTPRequestEvent(app, http, collection)
        {
            Record = app.FindAuthRecordByEmail(collection.Id, email),
            Password = OtpCode.New(collection.Auth!.Otp.Length),
        };
        app.Hooks.OnRecordRequestOTPRequest.Trigger(ev, e =>
        {
            if (e.Record == null)
            {
                // Spend about the time a real code costs to store, then answer with an id of the same shape.
                OtpCode.HashForNothing(store.Collection(), e.Password);
                e.Json(StatusCodes.Status200OK, new JsonObject { ["otpId"] = RandomId() });
                return;
            }

            var otp = e.App.IsDev ? null : Reusable(e.Record, e.Collection);
            if (otp == null)
            {
                otp = store.Create(e.Record, e.Password);
                Mail(e.Record, otp, e.Password);
            }
            e.Json(StatusCodes.Status200OK, new JsonObject { ["otpId"] = otp.Id });
        });
        await writer.WriteAsync(ev);
    }

    /// <summary>Too many valid codes already: the newest of them (its email went out already).</summary>
    private Record? Reusable(Record authRecord, Collection collection)
    {
        var codes = store.FindAllFor(authRecord);
        var duration = collection.Auth?.Otp.Duration ?? 0;
        if (codes.Count(c => !OtpStore.HasExpired(c, duration)) <= MaxValidCodes) return null;
        log.LogWarning("Too many OTP requests for {Collection} record {RecordId}; the newest OTP {OtpId} is reused",
            authRecord.Collection.Name, authRecord.Id, codes[0].Id);
        return codes[0];
    }

    /// <summary>
    /// Sends the code after the OTP is committed, off the request thread. An OTP whose email
    /// could not be sent is useless, so it is deleted again.
    /// </summary>
    private void Mail(Record authRecord, Record otp, string code)
    {
        var otpId = otp.Id;
        app.Db.AfterCommit(() => Task.Run(() =>
        {
            try
            {
                app.RecordMails.SendOtp(authRecord, otpId, code);
            }
            catch (Exception e)
            {
                log.LogError("Failed to send the OTP email to {Collection} record {RecordId}: {Error}",
                    authRecord.Collection.Name, authRecord.Id, e.Message);
                try { if (store.Find(otpId) is { } unsent) store.Delete(unsent); }
                catch (Exception ex) { log.LogError("Failed to delete the unsent OTP {OtpId}: {Error}", otpId, ex.Message); }
            }
        }));
    }

    /// <summary>An id like the ones records get (15 characters a–z, 0–9).</summary>
    private static string RandomId() => RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 15);
}
