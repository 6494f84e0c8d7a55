using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using Satchel.Errors;
using Satchel.Models;
using static Satchel.Settings.SettingsErrors;

namespace Satchel.Settings;

/// <summary>
/// A test send of one of an auth collection's email templates, to check the mail settings:
/// the template is filled for a stand-in record (its visible fields set to "__pb_test_NAME__")
/// and goes out like a real one: through the mailer hooks and the app's mailer.
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

    /// <summary>Fills the chosen template for a stand-in record and sends it through <see cref="IApp.RecordMails"/>.</summary>
    public void Send(IApp app)
    {
        var collection = app.FindCollectionByNameOrId(Collection.Length > 0 ? Collection : SystemCollections.Superusers)
            ?? throw new InvalidOperationException("missing auth collection");
        if (!collection.IsAuth) throw new InvalidOperationException($"{collection.Name} is not an auth collection");

        var record = new Record(collection);
        foreach (var field in collection.Fields.Where(f => !f.Hidden)) record.Set(field.Name, $"__pb_test_{field.Name}__");
        record.Set("tokenKey", Convert.ToHexString(RandomNumberGenerator.GetBytes(25)).ToLowerInvariant());
        record.Set("email", Email);

        var mails = app.RecordMails;
        switch (Template)
        {
            case Verification: mails.SendVerification(record); break;
            case PasswordReset: mails.SendPasswordReset(record); break;
            case EmailChange: mails.SendEmailChange(record, Email); break;
            case Otp: mails.SendOtp(record, "_PB_TEST_OTP_ID_", "123456"); break;
            case LoginAlert:
                mails.SendAuthAlert(record, DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + " - TEST_IP TEST_USER_AGENT");
                break;
            default: throw new InvalidOperationException($"unknown template {Template}");
        }
    }
}
