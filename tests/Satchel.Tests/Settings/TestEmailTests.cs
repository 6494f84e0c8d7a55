using Satchel.Errors;
using Satchel.Mail;
using Satchel.Settings;

namespace Satchel.Tests.Settings;

public class TestEmailTests
{
    private sealed class CapturingMailer : IMailer
    {
        public List<MailMessage> Sent { get; } = new();
        public void Send(MailMessage message) => Sent.Add(message);
    }

    private static string? Code(ValidationErrors errors, string key)
        => errors.Items.TryGetValue(key, out var v) ? (v as ValidationError)?.Code : null;

    [Fact]
    public void Validates_email_template_and_collection()
    {
        using var t = SettingsTestApp.FromFixture();
        var e = new TestEmail().Validate(t.App);
        Assert.Equal("validation_required", Code(e, "email"));
        Assert.Equal("validation_required", Code(e, "template"));
        Assert.Null(Code(e, "collection"));

        e = new TestEmail { Email = "nope", Template = "welcome", Collection = "demo1" }.Validate(t.App);
        Assert.Equal("validation_is_email", Code(e, "email"));
        Assert.Equal("validation_in_invalid", Code(e, "template"));
        Assert.Equal("validation_invalid_auth_collection", Code(e, "collection"));

        Assert.True(new TestEmail { Email = "a@example.com", Template = TestEmail.LoginAlert, Collection = "users" }.Validate(t.App).IsEmpty);
    }

    [Theory]
    [InlineData(TestEmail.Verification)]
    [InlineData(TestEmail.PasswordReset)]
    [InlineData(TestEmail.EmailChange)]
    [InlineData(TestEmail.Otp)]
    [InlineData(TestEmail.LoginAlert)]
    public void Sends_the_collection_template_through_the_mailer_hooks(string template)
    {
        using var t = SettingsTestApp.FromFixture();
        var mailer = new CapturingMailer();
        var fired = 0;
        t.App.Hooks.OnMailerSend.Bind(e => { fired++; e.Next(); });

        t.App.MailTransport = mailer;
        new TestEmail { Email = "to@example.com", Template = template }.Send(t.App);

        var message = Assert.Single(mailer.Sent);
        Assert.Equal(1, fired);
        Assert.Equal("to@example.com", Assert.Single(message.To).Address);
        Assert.Equal(t.App.Settings.Meta.SenderAddress, message.From!.Address);
        Assert.NotEqual("", message.Subject);
        Assert.DoesNotContain("{APP_NAME}", message.Subject + message.Html);
        Assert.DoesNotContain("{APP_URL}", message.Html);
        Assert.DoesNotContain("{TOKEN}", message.Html);
        Assert.DoesNotContain("{OTP}", message.Html);
    }

    [Fact]
    public void A_record_hook_that_does_not_call_next_keeps_the_mail_from_being_sent()
    {
        using var t = SettingsTestApp.FromFixture();
        var mailer = new CapturingMailer();
        t.App.MailTransport = mailer;
        t.App.Hooks.OnMailerRecordVerificationSend.Bind(_ => { });
        new TestEmail { Email = "to@example.com", Template = TestEmail.Verification }.Send(t.App);
        Assert.Empty(mailer.Sent);
    }
}
