using Satchel.Mail;
using Satchel.Models;

namespace Satchel.Hooks;

/// <summary>An email is about to be sent; handlers may change the message or send it another way (without calling Next).</summary>
public class MailerEvent(IApp app, IMailer mailer, MailMessage message) : HookEvent
{
    public IApp App { get; set; } = app;
    public IMailer Mailer { get; set; } = mailer;
    public MailMessage Message { get; set; } = message;
}

/// <summary>One of the built-in auth emails is about to be sent to a record; tagged with the record's collection.</summary>
public class MailerRecordEvent(IApp app, IMailer mailer, MailMessage message, Record record)
    : MailerEvent(app, mailer, message), ITaggedEvent
{
    public Record Record { get; set; } = record;

    /// <summary>Extra data of the email (e.g. "token", "info" for an auth alert, "otpId", "password").</summary>
    public Dictionary<string, object?> Meta { get; set; } = new(StringComparer.Ordinal);

    public IEnumerable<string> Tags => EventTags.Of(Record);
}
