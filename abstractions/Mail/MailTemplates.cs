using System.Text;
using Satchel.Models;
using Satchel.Models.Fields;
using Satchel.Settings;

namespace Satchel.Mail;

/// <summary>
/// Fills an auth collection's email template (verification, password reset, email change, OTP,
/// login alert) the way PocketBase does: placeholders in the subject and body are replaced, then
/// the body is put inside the HTML layout every system email shares.
/// </summary>
public static class MailTemplates
{
    public const string AppName = "{APP_NAME}";
    public const string AppUrl = "{APP_URL}";
    public const string Token = "{TOKEN}";
    public const string Otp = "{OTP}";
    public const string OtpId = "{OTP_ID}";
    public const string AlertInfo = "{ALERT_INFO}";

    /// <summary>The placeholder of a record field: "{RECORD:name}".</summary>
    public static string RecordField(string fieldName) => "{RECORD:" + fieldName + "}";

    /// <summary>Field types whose values can't hold markup, so they are put in as they are.</summary>
    private static readonly HashSet<string> Unescaped = new(StringComparer.Ordinal)
    {
        AutodateField.TypeName, DateField.TypeName, BoolField.TypeName, NumberField.TypeName,
    };

    /// <summary>
    /// The subject and HTML body of <paramref name="template"/> for <paramref name="authRecord"/>.
    /// <paramref name="placeholders"/> (e.g. {TOKEN}) are used as given — escape values that
    /// come from users first. {APP_NAME} and {APP_URL} come from <paramref name="meta"/> and each
    /// visible field of the record gets a {RECORD:name} placeholder, HTML-escaped unless it is a
    /// date, bool or number; a placeholder passed in explicitly wins over both.
    /// </summary>
    public static (string Subject, string Html) Render(EmailTemplate template, Record authRecord, MetaSettings meta,
        IReadOnlyDictionary<string, string>? placeholders = null)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (placeholders != null) foreach (var (k, v) in placeholders) values[k] = v;
        values.TryAdd(AppName, meta.AppName);
        values.TryAdd(AppUrl, meta.AppURL);
        foreach (var field in authRecord.Collection.Fields)
        {
            if (field.Hidden) continue;
            var value = RawValue.ToText(authRecord.Get(field.Name));
            values.TryAdd(RecordField(field.Name), Unescaped.Contains(field.Type) ? value : EscapeHtml(value));
        }

        var subject = Fill(template.Subject, values);
        var body = Fill(template.Body, values);
        return (subject, MailLayout.Wrap(body));
    }

    /// <summary>Replaces every occurrence of each placeholder key by its value.</summary>
    public static string Fill(string text, IReadOnlyDictionary<string, string> values)
    {
        if (string.IsNullOrEmpty(text)) return "";
        foreach (var (key, value) in values) text = text.Replace(key, value, StringComparison.Ordinal);
        return text;
    }

    /// <summary>Escapes &amp; &lt; &gt; " and ' as PocketBase does (" as &amp;#34;, ' as &amp;#39;).</summary>
    public static string EscapeHtml(string value)
    {
        if (value.AsSpan().IndexOfAny("&<>\"'") < 0) return value;
        var sb = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&#34;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }
        return sb.ToString();
    }
}
