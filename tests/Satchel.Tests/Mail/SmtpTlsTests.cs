using Satchel.Mail;

namespace Satchel.Tests.Mail;

/// <summary>How the SMTP transport protects the connection: implicit TLS, STARTTLS when offered, certificate checks.</summary>
public sealed class SmtpTlsTests
{
    [Fact]
    public async Task Upgrades_with_starttls_when_the_server_offers_it()
    {
        await using var server = await TestSmtpServer.StartAsync(SmtpSecurity.StartTls);
        var t = SmtpTestSettings.For(server);

        t.Mailer(server).Send(TestMessages.Simple());

        Assert.True(server.Single().Secure);
    }

    [Fact]
    public async Task Uses_implicit_tls_when_the_settings_say_tls()
    {
        await using var server = await TestSmtpServer.StartAsync(SmtpSecurity.Implicit);
        var t = SmtpTestSettings.For(server);
        t.Smtp.Tls = true;

        t.Mailer(server).Send(TestMessages.Simple());

        Assert.True(server.Single().Secure);
    }

    [Fact]
    public async Task Sends_in_the_clear_to_a_server_without_tls()
    {
        await using var server = await TestSmtpServer.StartAsync(SmtpSecurity.None);
        var t = SmtpTestSettings.For(server);

        t.Mailer().Send(TestMessages.Simple());

        Assert.False(server.Single().Secure);
    }

    [Fact]
    public async Task Refuses_a_server_certificate_the_system_does_not_trust()
    {
        await using var server = await TestSmtpServer.StartAsync(SmtpSecurity.StartTls);
        var t = SmtpTestSettings.For(server);

        var e = Assert.Throws<MailException>(() => t.Mailer().Send(TestMessages.Simple()));

        Assert.Contains("TLS", e.Message);
        Assert.Empty(server.Received);
        Assert.Contains("to@example.com", Assert.Single(t.Log.Lines).Text);
    }

    [Fact]
    public async Task Unreachable_server_is_a_clear_error()
    {
        var t = new SmtpTestSettings { Smtp = { Port = Support.FreePort.Next() } };

        var e = Assert.Throws<MailException>(() => t.Mailer().Send(TestMessages.Simple()));

        Assert.Contains($"127.0.0.1:{t.Smtp.Port}", e.Message);
    }
}
