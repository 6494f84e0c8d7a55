using Satchel.Mail;

namespace Satchel.Tests.Mail;

/// <summary>SMTP authentication of the mailer-smtp transport against a real server.</summary>
public sealed class SmtpAuthTests
{
    private static readonly (string, string) Account = ("mailer", "s3cret-PASSWORD");

    [Theory]
    [InlineData("", "PLAIN")]
    [InlineData("PLAIN", "PLAIN")]
    [InlineData("LOGIN", "LOGIN")]
    public async Task Authenticates_with_the_configured_method(string authMethod, string expected)
    {
        await using var server = await TestSmtpServer.StartAsync(SmtpSecurity.StartTls, Account);
        var t = SmtpTestSettings.For(server);
        t.Smtp.Username = "mailer";
        t.Smtp.Password = "s3cret-PASSWORD";
        t.Smtp.AuthMethod = authMethod;

        t.Mailer(server).Send(TestMessages.Simple());

        var got = server.Single();
        Assert.Equal("mailer", got.User);
        Assert.True(got.Secure);
        Assert.Equal(expected, Assert.Single(server.AuthMethods));
    }

    [Fact]
    public async Task A_rejected_login_is_reported_without_the_password_or_the_message_body()
    {
        await using var server = await TestSmtpServer.StartAsync(SmtpSecurity.StartTls, Account);
        var t = SmtpTestSettings.For(server);
        t.Smtp.Username = "mailer";
        t.Smtp.Password = "wrong-PASSWORD-xyz";
        var message = TestMessages.Simple("Reset your password", "<a href=\"https://app/reset/TOKEN-abc.def.ghi\">Reset</a> code 482913");

        var e = Assert.Throws<MailException>(() => t.Mailer(server).Send(message));

        Assert.Empty(server.Received);
        Assert.Contains("authentication", e.Message, StringComparison.OrdinalIgnoreCase);
        var log = Assert.Single(t.Log.Lines);
        Assert.Contains("to@example.com", log.Text);
        Assert.Contains("Reset your password", log.Text);
        Assert.Contains("authentication", log.Text, StringComparison.OrdinalIgnoreCase);
        foreach (var secret in new[] { "wrong-PASSWORD-xyz", "TOKEN-abc", "482913" })
        {
            Assert.DoesNotContain(secret, log.Text);
            Assert.DoesNotContain(secret, e.Message);
        }
    }

    [Fact]
    public async Task Credentials_to_this_machine_may_go_over_a_plain_connection()
    {
        await using var server = await TestSmtpServer.StartAsync(SmtpSecurity.None, Account);
        var t = SmtpTestSettings.For(server);
        t.Smtp.Username = "mailer";
        t.Smtp.Password = "s3cret-PASSWORD";

        t.Mailer().Send(TestMessages.Simple());

        var got = server.Single();
        Assert.Equal("mailer", got.User);
        Assert.False(got.Secure);
    }

    [Fact]
    public async Task Credentials_never_travel_unencrypted_to_another_host()
    {
        // 127.0.0.2 is this machine too, but not one of the names trusted to skip encryption.
        await using var server = await TestSmtpServer.StartAsync(SmtpSecurity.None, Account, bind: "127.0.0.2");
        var t = SmtpTestSettings.For(server);
        t.Smtp.Host = "127.0.0.2";
        t.Smtp.Username = "mailer";
        t.Smtp.Password = "s3cret-PASSWORD";

        var e = Assert.Throws<MailException>(() => t.Mailer().Send(TestMessages.Simple()));

        Assert.Contains("unencrypted", e.Message);
        Assert.Empty(server.AuthMethods);
        Assert.Empty(server.Received);
    }
}
