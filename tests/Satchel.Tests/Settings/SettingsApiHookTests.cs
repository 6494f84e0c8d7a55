using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Satchel.Errors;
using Satchel.Files;
using Satchel.Http;
using Satchel.Http.Api;
using Satchel.Mail;
using Satchel.Settings;

namespace Satchel.Tests.Settings;

/// <summary>The settings endpoints called in-process: their hooks and the plugin services they use.</summary>
public sealed class SettingsApiHookTests : IDisposable
{
    private readonly SettingsTestApp _t = SettingsTestApp.FromFixture();

    private sealed class CapturingMailer : IMailer
    {
        public List<MailMessage> Sent { get; } = new();
        public void Send(MailMessage message) => Sent.Add(message);
    }

    private sealed class FailingS3Tester : IS3Tester
    {
        public S3Settings? Tested { get; private set; }
        public void Test(S3Settings config)
        {
            Tested = config;
            throw new InvalidOperationException("bucket b is unreachable");
        }
    }

    private HttpContext Request(string? json = null, Action<IServiceCollection>? services = null)
    {
        var http = new DefaultHttpContext();
        var collection = new ServiceCollection();
        services?.Invoke(collection);
        http.RequestServices = collection.BuildServiceProvider();
        http.SetAuth(_t.App.FindAuthRecordByEmail("_superusers", "test@example.com"));
        if (json != null)
        {
            http.Request.ContentType = "application/json";
            http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        }
        http.Response.Body = new MemoryStream();
        return http;
    }

    private static JsonNode? ResponseJson(HttpContext http)
    {
        http.Response.Body.Position = 0;
        var text = new StreamReader(http.Response.Body).ReadToEnd();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    [Fact]
    public async Task List_hook_can_change_the_answered_settings()
    {
        _t.App.Hooks.OnSettingsListRequest.Bind(e => { e.Settings.Meta.AppName = "from_hook"; e.Next(); });
        var http = Request();
        await SettingsApi.List(http, _t.App);
        Assert.Equal("from_hook", (string?)ResponseJson(http)!["meta"]!["appName"]);
        Assert.Equal("acme_test", _t.App.Settings.Meta.AppName);
    }

    [Fact]
    public async Task Update_hook_sees_old_and_new_settings_and_may_change_what_is_saved()
    {
        string? oldName = null;
        _t.App.Hooks.OnSettingsUpdateRequest.Bind(e =>
        {
            oldName = e.OldSettings.Meta.AppName;
            e.NewSettings.Meta.SenderName = "Hooked";
            e.Next();
        });
        var http = Request("""{"meta":{"appName":"patched"}}""");
        await SettingsApi.Update(http, _t.App);

        Assert.Equal(200, http.Response.StatusCode);
        Assert.Equal("acme_test", oldName);
        Assert.Equal("patched", _t.App.Settings.Meta.AppName);
        Assert.Equal("Hooked", _t.App.Settings.Meta.SenderName);
        Assert.Equal("Hooked", (string?)ResponseJson(http)!["meta"]!["senderName"]);
    }

    [Fact]
    public async Task Update_hook_that_does_not_call_next_saves_nothing()
    {
        _t.App.Hooks.OnSettingsUpdateRequest.Bind(e => e.Json(418, new { skipped = true }));
        var http = Request("""{"meta":{"appName":"patched"}}""");
        await SettingsApi.Update(http, _t.App);
        Assert.Equal(418, http.Response.StatusCode);
        Assert.Equal("acme_test", _t.App.Settings.Meta.AppName);
    }

    [Fact]
    public async Task Test_email_goes_through_the_mail_transport()
    {
        EnableSmtp();
        var mailer = new CapturingMailer();
        _t.App.MailTransport = mailer;
        var http = Request("""{"email":"to@example.com","template":"password-reset"}""");
        await SettingsApi.TestEmailSend(http, _t.App);
        Assert.Equal(204, http.Response.StatusCode);
        Assert.Equal("to@example.com", Assert.Single(Assert.Single(mailer.Sent).To).Address);
    }

    [Fact]
    public async Task Test_email_with_smtp_disabled_is_left_to_the_transport()
    {
        // Like PocketBase, whose mailer falls back to sendmail: the transport decides what "SMTP off" means.
        var mailer = new CapturingMailer();
        _t.App.MailTransport = mailer;
        var http = Request("""{"email":"to@example.com","template":"otp"}""");
        await SettingsApi.TestEmailSend(http, _t.App);
        Assert.Equal(204, http.Response.StatusCode);
        Assert.Single(mailer.Sent);
    }

    [Fact]
    public async Task Test_email_without_a_mail_transport_is_a_400()
    {
        var http = Request("""{"email":"to@example.com","template":"otp"}""");
        var e = await Assert.ThrowsAsync<ApiException>(() => SettingsApi.TestEmailSend(http, _t.App));
        Assert.Equal(400, e.Status);
        Assert.Equal("Failed to send the test email. Raw error: \n" + AppMailer.NoTransportMessage, e.Message);
    }

    [Fact]
    public async Task A_mailer_failure_is_a_400_with_its_message()
    {
        EnableSmtp();
        var mailer = new Moq.Mock<IMailer>();
        mailer.Setup(m => m.Send(Moq.It.IsAny<MailMessage>())).Throws(new IOException("connection refused"));
        _t.App.MailTransport = mailer.Object;
        var http = Request("""{"email":"to@example.com","template":"verification"}""");
        var e = await Assert.ThrowsAsync<ApiException>(() => SettingsApi.TestEmailSend(http, _t.App));
        Assert.Equal(400, e.Status);
        Assert.Equal("Failed to send the test email. Raw error: \nconnection refused", e.Message);
    }

    [Fact]
    public async Task S3_test_hands_the_chosen_config_to_the_registered_tester()
    {
        var s = _t.App.Settings;
        s.Backups.S3 = new S3Settings { Enabled = true, Bucket = "b", Region = "r", Endpoint = "https://s3.example.com", AccessKey = "k", Secret = "x" };
        _t.App.SaveSettings(s);

        var tester = new FailingS3Tester();
        var http = Request("""{"filesystem":"backups"}""", c => c.AddSingleton<IS3Tester>(tester));
        var e = await Assert.ThrowsAsync<ApiException>(() => SettingsApi.TestS3(http, _t.App));
        Assert.Equal("b", tester.Tested!.Bucket);
        Assert.Equal("x", tester.Tested.Secret);
        Assert.Equal("Failed to test the S3 filesystem. Raw error: \nbucket b is unreachable", e.Message);
    }

    private void EnableSmtp()
    {
        var s = _t.App.Settings;
        s.Smtp.Enabled = true;
        _t.App.SaveSettings(s);
    }

    public void Dispose() => _t.Dispose();
}
