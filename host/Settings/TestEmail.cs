using System.Net;
using System.Net.Mail;
using System.Text.Json.Serialization;
using Satchel.Auth;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Mail;
using Satchel.Models;
using static Satchel.Settings.SettingsErrors;
using MailMessage = Satchel.Mail.MailMessage;

namespace Satchel.Settings;

/// <summary>
/// A test send of one of an auth collection's email templates, to check the mail settings:
/// the template is filled for a stand-in record (its visible fields set to "__pb_test_NAME__")
/// and goes through the same mailer hooks as a real one.
/// </summary>
public sealed class TestEmail
{
    public const string Verification = "verification";
    public const string PasswordReset = "password-reset";
    public const string EmailChange = "email-change";
    public const string Otp = "otp";
    public const string LoginAlert = "login-alert";

    private static readonly string[] Templates = { Verification, PasswordReset, EmailChange, Otp, LoginAlert };

    /// <summary>The receiver.</summary>
    [JsonPropertyName("email")] public string Email { get; set => field = value ?? ""; } = "";
    /// <summary>verification, password-reset, email-change, otp or login-alert.</summary>
    [JsonPropertyName("template")] public string Template { get; set => field = value ?? ""; } = "";
    /// <summary>The auth collection whose templates to use; _superusers when empty.</summary>
    [JsonPropertyName("collection")] public string Collection { get; set => field = value ?? ""; } = "";

    public ValidationErrors Validate(IApp app)
    {
        var e = new ValidationErrors();
        Check(e, "collection", LengthRule(Collection, 1, 255),
            Collection.Length > 0 && app.FindCollectionByNameOrId(Collection) is not { IsAuth: true } ? InvalidAuthCollection() : null);
        Check(e, "email", RequiredRule(Email), LengthRule(Email, 1, 255), Format(Email, SettingsFormats.IsEmail, NotEmail));
        Check(e, "template", RequiredRule(Template), InRule(Template, Templates));
        return e;
    }

    /// <summary>Builds the message and sends it through the mailer hooks and <paramref name="mailer"/>.</summary>
    public void Send(IApp app, IMailer mailer)
    {
        var collection = app.FindCollectionByNameOrId(Collection.Length > 0 ? Collection : SystemCollections.Superusers)
            ?? throw new InvalidOperationException("missing auth collection");
        var auth = collection.Auth ?? throw new InvalidOperationException($"{collection.Name} is not an auth collection");

        var record = new Record(collection);
        foreach (var field in collection.Fields.Where(f => !f.Hidden)) record.Set(field.Name, $"__pb_test_{field.Name}__");
        record.Set("tokenKey", Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(25)).ToLowerInvariant());
        record.Set("email", Email);

        var placeholders = new Dictionary<string, string>(StringComparer.Ordinal);
        var meta = new Dictionary<string, object?>(StringComparer.Ordinal);
        EmailTemplate template;
        Hook<MailerRecordEvent> hook;
        switch (Template)
        {
            case Verification:
                template = auth.VerificationTemplate;
                hook = app.Hooks.OnMailerRecordVerificationSend;
                placeholders["{TOKEN}"] = app.Tokens.NewToken(record, TokenTypes.Verification, new Dictionary<string, object> { ["email"] = Email });
                break;
            case PasswordReset:
                template = auth.ResetPasswordTemplate;
                hook = app.Hooks.OnMailerRecordPasswordResetSend;
                placeholders["{TOKEN}"] = app.Tokens.NewToken(record, TokenTypes.PasswordReset, new Dictionary<string, object> { ["email"] = Email });
                break;
            case EmailChange:
                template = auth.ConfirmEmailChangeTemplate;
                hook = app.Hooks.OnMailerRecordEmailChangeSend;
                placeholders["{TOKEN}"] = app.Tokens.NewToken(record, TokenTypes.EmailChange,
                    new Dictionary<string, object> { ["email"] = Email, ["newEmail"] = Email });
                break;
            case Otp:
                template = auth.Otp.EmailTemplate;
                hook = app.Hooks.OnMailerRecordOTPSend;
                placeholders["{OTP_ID}"] = "_PB_TEST_OTP_ID_";
                placeholders["{OTP}"] = "123456";
                break;
            case LoginAlert:
                template = auth.AuthAlert.EmailTemplate;
                hook = app.Hooks.OnMailerRecordAuthAlertSend;
                placeholders["{ALERT_INFO}"] = WebUtility.HtmlEncode(DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'") + " - TEST_IP TEST_USER_AGENT");
                break;
            default:
                throw new InvalidOperationException($"unknown template {Template}");
        }
        if (placeholders.TryGetValue("{TOKEN}", out var token)) meta["token"] = token;
        if (placeholders.TryGetValue("{OTP_ID}", out var otpId)) { meta["otpId"] = otpId; meta["password"] = placeholders["{OTP}"]; }
        if (placeholders.TryGetValue("{ALERT_INFO}", out var info)) meta["info"] = info;

        var settings = app.Settings;
        placeholders["{APP_NAME}"] = settings.Meta.AppName;
        placeholders["{APP_URL}"] = settings.Meta.AppURL;
        foreach (var field in collection.Fields.Where(f => !f.Hidden))
            placeholders.TryAdd("{RECORD:" + field.Name + "}", WebUtility.HtmlEncode(record.GetString(field.Name)));

        var message = new MailMessage
        {
            From = new MailAddress(settings.Meta.SenderAddress, settings.Meta.SenderName),
            To = { new MailAddress(Email) },
            Subject = Fill(template.Subject, placeholders),
            Html = Fill(template.Body, placeholders),
        };

        hook.Trigger(new MailerRecordEvent(app, mailer, message, record) { Meta = meta },
            e => app.Hooks.OnMailerSend.Trigger(new MailerEvent(e.App, e.Mailer, e.Message), m => m.Mailer.Send(m.Message)));
    }

    private static string Fill(string text, Dictionary<string, string> placeholders)
    {
        foreach (var (k, v) in placeholders) text = text.Replace(k, v, StringComparison.Ordinal);
        return text;
    }
}
