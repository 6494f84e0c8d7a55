using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Satchel.Auth;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Http;
using Satchel.Models;

namespace Satchel.Plugins.AuthOtp;

/// <summary>
/// POST /api/collections/{collection}/auth-with-otp: signs in with an otpId and its code. A code
/// works once; an unknown, expired, foreign or wrong one is the same 400, so none can be told
/// apart. Signing in with a code that was mailed to the record's current address proves that
/// address, so the record becomes verified.
/// </summary>
internal sealed class AuthWithOtpEndpoint(IApp app, IRecordAuthResponder responder, IResponseWriter writer,
    IRateLimiter limiter, OtpStore store, OtpAttempts attempts, ILogger log)
{
    private const string Failed = "Invalid or expired OTP";

    public async Task HandleAsync(HttpContext http)
    {
        var collection = app.FindAuthCollection(http.Request.RouteValues["collection"]?.ToString() ?? "");
        if (collection.Auth?.Otp.Enabled != true)
            throw ApiException.Forbidden("The collection is not configured to allow OTP authentication.");

        var body = await ActionForm.ReadAsync(http);
        var otpId = ActionForm.Text(body, "otpId");
        var code = ActionForm.Text(body, "password");
        var errors = new ValidationErrors();
        errors.AddIf("otpId", FormRules.RequiredText(otpId, 1, 255));
        // 71 characters: bcrypt hashes at most 72 bytes of the code.
        errors.AddIf("password", FormRules.RequiredText(code, 1, 71));
        errors.ThrowIfAny(ActionForm.ValidationFailed);
        http.SetRequestContext(RequestContext.Otp);

        var otp = store.Find(otpId);
        if (otp == null || otp.GetString("collectionRef") != collection.Id || OtpStore.HasExpired(otp, collection.Auth!.Otp.Duration))
            throw ApiException.BadRequest(Failed);
        var record = app.FindRecordById(collection.Id, otp.GetString("recordRef")) ?? throw ApiException.BadRequest(Failed);

        if (!attempts.TryAttempt(record.Id, limiter.ClientIpOf(http)))
            throw ApiException.TooManyRequests("Too many attempts, please try again later with a new OTP.");
        if (!OtpCode.Matches(otp, code)) throw ApiException.BadRequest(Failed);

        var ev = new RecordAuthWithOTPRequestEvent(app, http, collection, record, otp);
        app.Hooks.OnRecordAuthWithOTPRequest.Trigger(ev, e =>
        {
            var sentTo = e.Otp.GetString("sentTo");
            // Used up before anything else happens, so it can't be replayed even if the sign-in stops at MFA.
            try { store.Delete(e.Otp); }
            catch (Exception ex) { log.LogError("Failed to delete the used OTP {OtpId}: {Error}", e.Otp.Id, ex.Message); }

            MarkVerified(e.Record, sentTo);

            var answer = responder.Respond(e.Http, e.Record, AuthMethods.Otp);
            e.Json(answer.Status, answer.Response);
        });
        await writer.WriteAsync(ev);
    }

    /// <summary>
    /// The code reached the record's address, which verifies it. Without MFA the code alone signed
    /// in, so the password is replaced by a random one: a password someone set before the owner
    /// proved the address must not keep working.
    /// </summary>
    private void MarkVerified(Record record, string sentTo)
    {
        if (record.GetBool("verified") || sentTo == "" || record.GetString("email") != sentTo) return;
        record.Set("verified", true);
        if (record.Collection.Auth?.Mfa.Enabled != true)
            record.Set("password", RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 30));
        try { app.SaveRecord(record); }
        catch (Exception ex)
        {
            log.LogError("Failed to mark {Collection} record {RecordId} verified after its OTP sign-in: {Error}",
                record.Collection.Name, record.Id, ex.Message);
        }
    }
}
