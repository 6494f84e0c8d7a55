using System.Text.RegularExpressions;
using Satchel.Tests.Auth;

namespace Satchel.Tests.AuthFlows;

/// <summary>
/// The request-* endpoints answer a registered and an unregistered address identically (status
/// and body), so they can't be used to find out who has an account.
/// </summary>
public sealed class EnumerationTests(OtpFixture fixture) : IClassFixture<OtpFixture>
{
    private const string Password = "enum-pass-1234";
    private FlowServer S => fixture.Server;

    private async Task<(ApiAnswer Known, ApiAnswer Unknown)> Both(string action, Func<string, object> body, string? token = null)
    {
        var known = FlowFixture.NewEmail("known");
        await S.SignUpAsync(known, Password);
        var unknown = FlowFixture.NewEmail("unknown");
        return (await S.PostAsync($"/api/collections/users/{action}", body(known), token),
                await S.PostAsync($"/api/collections/users/{action}", body(unknown), token));
    }

    [Theory]
    [InlineData("request-verification")]
    [InlineData("request-password-reset")]
    public async Task Link_requests_answer_the_same(string action)
    {
        var (known, unknown) = await Both(action, email => new { email });
        Assert.Equal(204, known.Status);
        Assert.Equal((known.Status, known.Raw), (unknown.Status, unknown.Raw));
        Assert.Equal(known.Raw, (await S.PostAsync($"/api/collections/users/{action}", new { email = FlowFixture.NewEmail("x") })).Raw);
    }

    [Fact]
    public async Task Otp_requests_answer_the_same()
    {
        var (known, unknown) = await Both("request-otp", email => new { email });
        Assert.Equal(200, known.Status);
        Assert.Equal(known.Status, unknown.Status);
        // Same shape: {"otpId": 15 characters a-z0-9}; only the random id differs.
        var id = new Regex("\"otpId\":\"[a-z0-9]{15}\"");
        Assert.Equal(id.Replace(known.Raw, "ID"), id.Replace(unknown.Raw, "ID"));
        Assert.Equal("{ID}", id.Replace(known.Raw, "ID"));
    }

    [Fact]
    public async Task Email_change_requests_answer_the_same_for_taken_and_free_addresses()
    {
        var asker = FlowFixture.NewEmail("asker");
        await S.SignUpAsync(asker, Password);
        var token = (await S.SignInAsync(asker, Password)).Json["token"]!.GetValue<string>();

        var (taken, free) = await Both("request-email-change", email => new { newEmail = email }, token);

        Assert.Equal(204, taken.Status);
        Assert.Equal((taken.Status, taken.Raw), (free.Status, free.Raw));
    }
}
