using System.Net.Mail;
using Satchel.Auth;
using Satchel.Hooks;
using Satchel.Mail;
using Satchel.Models;
using Record = Satchel.Models.Record;
using Satchel.Tests.Settings;

namespace Satchel.Tests.Mail;

/// <summary>The system emails to auth records: templates, sender, hooks and their order.</summary>
public sealed class RecordMailsTests : IDisposable
{
    private readonly SettingsTestApp _t = SettingsTestApp.FromFixture();
    private readonly CapturingMailer _transport = new();

    public RecordMailsTests() => _t.App.MailTransport = _transport;

    private IApp App => _t.App;
    private Record User => App.FindAuthRecordByEmail("users", "test@example.com")!;

    [Fact]
    public void Verification_uses_the_collection_template_and_the_settings_sender()
    {
        App.RecordMails.SendVerification(User, "TOKEN-123");

        var m = Assert.Single(_transport.Sent);
        Assert.Equal("support@example.com", m.From!.Address);
        Assert.Equal("Support", m.From.DisplayName);
        Assert.Equal("test@example.com", Assert.Single(m.To).Address);
        Assert.Equal("Verify your acme_test email", m.Subject);
        Assert.Contains("http://localhost:8090/_/#/auth/confirm-verification/TOKEN-123", m.Html);
        Assert.Equal("", m.Text);
    }

    [Fact]
    public void Hooks_run_record_hook_then_send_hook_then_the_transport()
    {
        var order = new List<string>();
        App.Hooks.OnMailerRecordPasswordResetSend.Bind(e => { order.Add("record:before"); e.Next(); order.Add("record:after"); });
        App.Hooks.OnMailerSend.Bind(e => { order.Add("send:before"); e.Next(); order.Add("send:after"); });
        _transport.OnSend = () => order.Add("transport");

        App.RecordMails.SendPasswordReset(User, "T");

        Assert.Equal(new[] { "record:before", "send:before", "transport", "send:after", "record:after" }, order);
    }

    [Fact]
    public void Record_hook_sees_record_and_meta_and_may_change_the_message()
    {
        MailerRecordEvent? seen = null;
        App.Hooks.OnMailerRecordVerificationSend.Bind(e =>
        {
            seen = e;
            e.Message.Subject += " " + e.Record.GetString("name");
            e.Message.Cc.Add(new MailAddress("audit@example.com"));
            e.Next();
        }, tags: "users");

        App.RecordMails.SendVerification(User, "TOK");

        Assert.Equal("TOK", seen!.Meta["token"]);
        Assert.Equal("4q1xlclmfloku33", seen.Record.Id);
        var m = Assert.Single(_transport.Sent);
        Assert.Equal("Verify your acme_test email test1", m.Subject);
        Assert.Equal("audit@example.com", Assert.Single(m.Cc).Address);
    }

    [Fact]
    public void Send_hook_may_change_the_message_last()
    {
        App.Hooks.OnMailerSend.Bind(e => { e.Message.Headers["X-Env"] = "test"; e.Next(); });

        App.RecordMails.SendAuthAlert(User, "info");

        Assert.Equal("test", Assert.Single(_transport.Sent).Headers["X-Env"]);
    }

    [Fact]
    public void A_hook_that_does_not_call_next_cancels_the_email()
    {
        App.Hooks.OnMailerRecordOTPSend.Bind(_ => { });
        App.RecordMails.SendOtp(User, "otp1", "123456");
        Assert.Empty(_transport.Sent);

        App.Hooks.OnMailerSend.Bind(_ => { });
        App.RecordMails.SendVerification(User, "T");
        Assert.Empty(_transport.Sent);
    }

    [Fact]
    public void A_hook_bound_to_another_collection_does_not_run()
    {
        var ran = false;
        App.Hooks.OnMailerRecordVerificationSend.Bind(e => { ran = true; e.Next(); }, tags: "clients");
        App.RecordMails.SendVerification(User, "T");
        Assert.False(ran);
        Assert.Single(_transport.Sent);
    }

    [Fact]
    public void Email_change_goes_to_the_new_address()
    {
        MailerRecordEvent? seen = null;
        App.Hooks.OnMailerRecordEmailChangeSend.Bind(e => { seen = e; e.Next(); });

        App.RecordMails.SendEmailChange(User, "new@example.com", "TOK");

        var m = Assert.Single(_transport.Sent);
        Assert.Equal("new@example.com", Assert.Single(m.To).Address);
        Assert.Contains("/_/#/auth/confirm-email-change/TOK", m.Html);
        Assert.Equal("new@example.com", seen!.Meta["newEmail"]);
        Assert.Equal("TOK", seen.Meta["token"]);
    }

    [Fact]
    public void Otp_fills_the_code_and_leaves_hidden_field_placeholders_alone()
    {
        MailerRecordEvent? seen = null;
        App.Hooks.OnMailerRecordOTPSend.Bind(e => { seen = e; e.Next(); });

        App.RecordMails.SendOtp(User, "otpid", "987654");

        var m = Assert.Single(_transport.Sent);
        Assert.Contains("<strong>987654</strong>", m.Html);
        Assert.Contains("Hello test1{RECORD:tokenKey},", m.Html);
        Assert.Equal("otpid", seen!.Meta["otpId"]);
        Assert.Equal("987654", seen.Meta["password"]);
    }

    [Fact]
    public void Otp_records_where_it_was_sent_once()
    {
        var otps = App.FindCollectionByNameOrId(SystemCollections.Otps)!;
        var otp = new Record(otps);
        otp.Set("collectionRef", User.Collection.Id);
        otp.Set("recordRef", User.Id);
        otp.Set("password", "123456");
        App.SaveRecord(otp);

        App.RecordMails.SendOtp(User, otp.Id, "123456");
        Assert.Equal("test@example.com", App.FindRecordById(SystemCollections.Otps, otp.Id)!.GetString("sentTo"));

        App.Hooks.OnMailerRecordOTPSend.Bind(e => { e.Message.To = new() { new MailAddress("other@example.com") }; e.Next(); });
        App.RecordMails.SendOtp(User, otp.Id, "123456");
        Assert.Equal("test@example.com", App.FindRecordById(SystemCollections.Otps, otp.Id)!.GetString("sentTo"));
        Assert.Equal(2, _transport.Sent.Count);
    }

    [Fact]
    public void Auth_alert_info_is_escaped_in_the_body_and_the_meta()
    {
        MailerRecordEvent? seen = null;
        App.Hooks.OnMailerRecordAuthAlertSend.Bind(e => { seen = e; e.Next(); });

        App.RecordMails.SendAuthAlert(User, "1.2.3.4 <script>x</script>");

        Assert.Contains("1.2.3.4 &lt;script&gt;x&lt;/script&gt;", Assert.Single(_transport.Sent).Html);
        Assert.Equal("1.2.3.4 &lt;script&gt;x&lt;/script&gt;", seen!.Meta["info"]);
    }

    [Theory]
    [InlineData(TokenTypes.Verification)]
    [InlineData(TokenTypes.PasswordReset)]
    [InlineData(TokenTypes.EmailChange)]
    public void Without_a_token_one_is_issued_for_the_record(string type)
    {
        MailerRecordEvent? seen = null;
        App.Hooks.OnMailerSend.Bind(e => e.Next());
        void Capture(MailerRecordEvent e) { seen = e; e.Next(); }
        App.Hooks.OnMailerRecordVerificationSend.Bind(Capture);
        App.Hooks.OnMailerRecordPasswordResetSend.Bind(Capture);
        App.Hooks.OnMailerRecordEmailChangeSend.Bind(Capture);

        switch (type)
        {
            case TokenTypes.Verification: App.RecordMails.SendVerification(User); break;
            case TokenTypes.PasswordReset: App.RecordMails.SendPasswordReset(User); break;
            default: App.RecordMails.SendEmailChange(User, "new@example.com"); break;
        }

        var token = (string)seen!.Meta["token"]!;
        Assert.Contains(token, Assert.Single(_transport.Sent).Html);
        Assert.Equal(User.Id, App.Tokens.FindRecordByToken(token, type)!.Id);
        var claims = App.Tokens.ReadClaims(token)!;
        Assert.Equal("test@example.com", claims["email"]?.ToString());
        if (type == TokenTypes.EmailChange) Assert.Equal("new@example.com", claims["newEmail"]?.ToString());
    }

    [Fact]
    public void Without_a_mail_plugin_the_send_fails_clearly_unless_a_hook_takes_it()
    {
        _t.App.MailTransport = null;
        var e = Assert.Throws<MailException>(() => App.RecordMails.SendVerification(User, "T"));
        Assert.Equal(AppMailer.NoTransportMessage, e.Message);

        var taken = 0;
        App.Hooks.OnMailerSend.Bind(_ => taken++);
        App.RecordMails.SendVerification(User, "T");
        Assert.Equal(1, taken);
    }

    [Fact]
    public void A_transport_failure_reaches_the_caller()
    {
        _transport.FailWith = new MailException("the SMTP server said no");
        var e = Assert.Throws<MailException>(() => App.RecordMails.SendPasswordReset(User, "T"));
        Assert.Equal("the SMTP server said no", e.Message);
    }

    [Fact]
    public void App_mailer_sends_custom_messages_through_the_send_hook()
    {
        var hooked = 0;
        App.Hooks.OnMailerSend.Bind(e => { hooked++; Assert.Same(App.Mailer, e.Mailer); e.Next(); });

        App.Mailer.Send(TestMessages.Simple("custom"));

        Assert.Equal(1, hooked);
        Assert.Equal("custom", Assert.Single(_transport.Sent).Subject);
    }

    public void Dispose() => _t.Dispose();
}
