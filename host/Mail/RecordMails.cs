using System.Net.Mail;
using Microsoft.Extensions.Logging;
using Satchel.Auth;
using Satchel.Hooks;
using Satchel.Models;

namespace Satchel.Mail;

/// <summary>
/// The system emails to auth records (<see cref="IRecordMailer"/>): the collection's template is
/// filled by <see cref="MailTemplates"/>, the message goes from the settings' sender to the
/// record, and the matching OnMailerRecord…Send hook runs around the send through <see cref="IApp.Mailer"/>.
/// </summary>
public sealed class RecordMails(IApp app, Func<ILogger> log) : IRecordMailer
{
    public void SendVerification(Record authRecord, string token)
        => Send(authRecord, Email(authRecord), Options(authRecord).VerificationTemplate, app.Hooks.OnMailerRecordVerificationSend,
            new() { [MailTemplates.Token] = token },
            new() { ["token"] = token });

    public void SendVerification(Record authRecord)
        => SendVerification(authRecord, app.Tokens.NewToken(authRecord, TokenTypes.Verification,
            new Dictionary<string, object> { ["email"] = Email(authRecord) }));

    public void SendPasswordReset(Record authRecord, string token)
        => Send(authRecord, Email(authRecord), Options(authRecord).ResetPasswordTemplate, app.Hooks.OnMailerRecordPasswordResetSend,
            new() { [MailTemplates.Token] = token },
            new() { ["token"] = token });

    public void SendPasswordReset(Record authRecord)
        => SendPasswordReset(authRecord, app.Tokens.NewToken(authRecord, TokenTypes.PasswordReset,
            new Dictionary<string, object> { ["email"] = Email(authRecord) }));

    public void SendEmailChange(Record authRecord, string newEmail, string token)
        => Send(authRecord, newEmail, Options(authRecord).ConfirmEmailChangeTemplate, app.Hooks.OnMailerRecordEmailChangeSend,
            new() { [MailTemplates.Token] = token },
            new() { ["token"] = token, ["newEmail"] = newEmail });

    public void SendEmailChange(Record authRecord, string newEmail)
        => SendEmailChange(authRecord, newEmail, app.Tokens.NewToken(authRecord, TokenTypes.EmailChange,
            new Dictionary<string, object> { ["email"] = Email(authRecord), ["newEmail"] = newEmail }));

    public void SendOtp(Record authRecord, string otpId, string password)
        => Send(authRecord, Email(authRecord), Options(authRecord).Otp.EmailTemplate, app.Hooks.OnMailerRecordOTPSend,
            new() { [MailTemplates.OtpId] = otpId, [MailTemplates.Otp] = password },
            new() { ["otpId"] = otpId, ["password"] = password },
            e => RecordSentTo(otpId, e.Message));

    public void SendAuthAlert(Record authRecord, string info)
    {
        var escaped = MailTemplates.EscapeHtml(info);
        Send(authRecord, Email(authRecord), Options(authRecord).AuthAlert.EmailTemplate, app.Hooks.OnMailerRecordAuthAlertSend,
            new() { [MailTemplates.AlertInfo] = escaped },
            new() { ["info"] = escaped });
    }

    private void Send(Record record, string to, EmailTemplate template, Hook<MailerRecordEvent> hook,
        Dictionary<string, string> placeholders, Dictionary<string, object?> meta, Action<MailerRecordEvent>? afterSend = null)
    {
        var appMeta = app.Settings.Meta;
        var (subject, html) = MailTemplates.Render(template, record, appMeta, placeholders);
        var message = new MailMessage
        {
            From = Address(appMeta.SenderAddress, appMeta.SenderName, "sender address of the mail settings"),
            To = { Address(to, "", "recipient address") },
            Subject = subject,
            Html = html,
        };

        hook.Trigger(new MailerRecordEvent(app, app.Mailer, message, record) { Meta = meta }, e =>
        {
            e.Mailer.Send(e.Message);
            afterSend?.Invoke(e);
        });
    }

    /// <summary>Notes on the OTP where its code went, once; a failure here doesn't fail the sent email.</summary>
    private void RecordSentTo(string otpId, MailMessage message)
    {
        var to = message.To.FirstOrDefault()?.Address ?? "";
        if (to == "") return;
        try
        {
            var otp = app.FindRecordById(SystemCollections.Otps, otpId);
            if (otp == null)
            {
                log().LogWarning("OTP {OtpId} no longer exists, so its sentTo can't be set", otpId);
                return;
            }
            if (otp.GetString("sentTo") != "") return;
            otp.Set("sentTo", to);
            app.SaveRecord(otp);
        }
        catch (Exception ex)
        {
            log().LogError("Failed to set the sentTo of OTP {OtpId}: {Error}", otpId, ex.Message);
        }
    }

    private static AuthOptions Options(Record record)
        => record.Collection.Auth ?? throw new InvalidOperationException($"{record.Collection.Name} is not an auth collection");

    private static string Email(Record record) => record.GetString("email");

    private static MailAddress Address(string address, string name, string what)
    {
        try { return new MailAddress(address, name); }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw new MailException($"invalid {what} \"{address}\"", ex);
        }
    }
}
