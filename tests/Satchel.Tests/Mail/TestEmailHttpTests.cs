using Satchel.Mail;
using Satchel.Tests.Support;
using static Satchel.Tests.Settings.SettingsHttp;

namespace Satchel.Tests.Mail;

/// <summary>
/// POST /api/settings/test/email over real HTTP: the server's mailer-smtp plugin delivers the
/// collection's template to an SMTP server run by the test.
/// </summary>
public sealed class TestEmailHttpTests
{
    private static async Task ConfigureSmtpAsync(RunningServer server, int port)
    {
        var (status, body) = await SendAsync(server.Client, HttpMethod.Patch, "/api/settings", SuperuserToken,
            $$$"""{"smtp":{"enabled":true,"host":"127.0.0.1","port":{{{port}}},"tls":false,"username":"","password":""},"meta":{"senderName":"Acme Mail","senderAddress":"noreply@acme.test"} }""");
        Assert.True(status == 200, body?.ToJsonString());
    }

    [Fact]
    public async Task Every_template_is_delivered_over_smtp()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await using var server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
        await ConfigureSmtpAsync(server, smtp.Port);

        var expected = new Dictionary<string, (string Subject, string Body)>
        {
            ["verification"] = ("Verify your acme_test email", "/_/#/auth/confirm-verification/ey"),
            ["password-reset"] = ("Reset your acme_test password", "/_/#/auth/confirm-password-reset/ey"),
            ["email-change"] = ("Confirm your acme_test new email address", "/_/#/auth/confirm-email-change/ey"),
            ["otp"] = ("OTP for acme_test", "123456"),
            ["login-alert"] = ("Login from a new location", "TEST_IP TEST_USER_AGENT"),
        };
        foreach (var (template, want) in expected)
        {
            var (status, body) = await SendAsync(server.Client, HttpMethod.Post, "/api/settings/test/email", SuperuserToken,
                $$"""{"email":"check@example.com","template":"{{template}}","collection":"users"}""");
            Assert.True(status == 204, $"{template}: {status} {body?.ToJsonString()}");

            Assert.True(smtp.Received.TryDequeue(out var got), template);
            Assert.Equal("check@example.com", Assert.Single(got.EnvelopeTo));
            Assert.Equal("\"Acme Mail\" <noreply@acme.test>", got.Message.From.ToString());
            Assert.Equal(want.Subject, got.Message.Subject);
            Assert.Contains(want.Body, got.Message.HtmlBody);
            Assert.False(string.IsNullOrWhiteSpace(got.Message.TextBody));
            Assert.DoesNotContain("<", got.Message.TextBody);
        }
    }

    [Fact]
    public async Task An_unreachable_smtp_server_is_a_400_with_the_reason()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
        var port = FreePort.Next();
        await ConfigureSmtpAsync(server, port);

        var (status, body) = await SendAsync(server.Client, HttpMethod.Post, "/api/settings/test/email", SuperuserToken,
            """{"email":"check@example.com","template":"verification"}""");

        Assert.Equal(400, status);
        Assert.StartsWith($"Failed to send the test email. Raw error: \ncan't connect to the SMTP server 127.0.0.1:{port}", (string?)body!["message"]);
        // The failure is logged without the token the email carried.
        await Task.Delay(200);
        var log = server.Stdout.ToString() + server.Stderr;
        Assert.Contains("check@example.com", log);
        Assert.DoesNotContain("confirm-verification", log);
    }

    [Fact]
    public async Task Without_the_mail_plugin_the_answer_says_so()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions
        {
            FromFixture = true,
            Plugins = new PluginsFile().AddHostPlugin("auth-password").AddHostPlugin("mailer-smtp", enabled: false),
        });

        var (status, body) = await SendAsync(server.Client, HttpMethod.Post, "/api/settings/test/email", SuperuserToken,
            """{"email":"check@example.com","template":"otp"}""");

        Assert.Equal(400, status);
        Assert.Equal("Failed to send the test email. Raw error: \n" + AppMailer.NoTransportMessage, (string?)body!["message"]);
    }
}
