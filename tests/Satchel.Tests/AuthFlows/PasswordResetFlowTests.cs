using Satchel.Tests.Auth;

namespace Satchel.Tests.AuthFlows;

/// <summary>request-password-reset / confirm-password-reset over real HTTP and real SMTP.</summary>
public sealed class PasswordResetFlowTests(FlowFixture fixture) : IClassFixture<FlowFixture>
{
    private const string Password = "old-pass-1234";
    private const string NewPassword = "new-pass-5678";
    private FlowServer S => fixture.Server;

    private Task<ApiAnswer> Request(string email) => S.PostAsync("/api/collections/users/request-password-reset", new { email });

    private Task<ApiAnswer> Confirm(string token, string password, string? confirm = null)
        => S.PostAsync("/api/collections/users/confirm-password-reset", new { token, password, passwordConfirm = confirm ?? password });

    private async Task<string> MailedToken(string email)
    {
        Assert.Equal(204, (await Request(email)).Status);
        return MailBox.LinkToken(await S.Mail.TakeAsync(email, "Reset"), "confirm-password-reset");
    }

    [Fact]
    public async Task The_mailed_token_sets_a_new_password_and_voids_older_tokens()
    {
        var email = FlowFixture.NewEmail("reset");
        var id = await S.SignUpAsync(email, Password);
        var oldAuth = (await S.SignInAsync(email, Password)).Json["token"]!.GetValue<string>();
        var token = await MailedToken(email);
        Assert.Equal("passwordReset", Jwt.Claims(token)["type"]!.GetValue<string>());

        Assert.Equal(204, (await Confirm(token, NewPassword)).Status);

        Assert.Equal(400, (await S.SignInAsync(email, Password)).Status);
        Assert.Equal(200, (await S.SignInAsync(email, NewPassword)).Status);
        // Every token issued before the reset is void: the old auth token and the reset link itself.
        Assert.Equal(401, (await S.PostAsync("/api/collections/users/auth-refresh", token: oldAuth)).Status);
        var again = await Confirm(token, "third-pass-999");
        Assert.Equal(400, again.Status);
        Assert.Equal("validation_invalid_token", again.Json["data"]!["token"]!["code"]!.GetValue<string>());
        // The link reached the address, so the account counts as verified now.
        Assert.True((await S.RecordAsync("users", id))!["verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Unknown_addresses_and_repeated_requests_send_nothing()
    {
        var unknown = FlowFixture.NewEmail("noreset");
        var answer = await Request(unknown);
        Assert.Equal(204, answer.Status);
        Assert.Equal("", answer.Raw);
        await S.Mail.AssertNoneAsync(unknown);

        var email = FlowFixture.NewEmail("twice");
        await S.SignUpAsync(email, Password);
        await MailedToken(email);
        Assert.Equal(204, (await Request(email)).Status);
        await S.Mail.AssertNoneAsync(email);
    }

    [Fact]
    public async Task The_new_password_is_checked()
    {
        var email = FlowFixture.NewEmail("weak");
        await S.SignUpAsync(email, Password);
        var token = await MailedToken(email);

        var mismatch = await Confirm(token, NewPassword, "something-else");
        Assert.Equal(400, mismatch.Status);
        Assert.Equal("validation_values_mismatch", mismatch.Json["data"]!["passwordConfirm"]!["code"]!.GetValue<string>());

        // The default users collection wants at least 8 characters.
        var tooShort = await Confirm(token, "short");
        Assert.Equal("validation_length_out_of_range", tooShort.Json["data"]!["password"]!["code"]!.GetValue<string>());
        Assert.Equal("The length must be between 8 and 255.", tooShort.Json["data"]!["password"]!["message"]!.GetValue<string>());

        var empty = await S.PostAsync("/api/collections/users/confirm-password-reset", new { });
        Assert.Equal(new[] { "password", "passwordConfirm", "token" }, empty.Json["data"]!.AsObject().Select(p => p.Key).Order());

        // Nothing was changed by the refused attempts.
        Assert.Equal(200, (await S.SignInAsync(email, Password)).Status);
    }

    [Fact]
    public async Task Without_password_sign_in_there_is_no_reset()
    {
        await using var server = await FlowServer.StartAsync();
        await server.PatchCollectionAsync("users", new { passwordAuth = new { enabled = false } });
        var answer = await server.PostAsync("/api/collections/users/request-password-reset", new { email = "any@example.com" });
        Assert.Equal(400, answer.Status);
        Assert.Equal("The collection is not configured to allow password authentication.", answer.Json["message"]!.GetValue<string>());
    }
}
