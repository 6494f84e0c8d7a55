using Satchel.Tests.Auth;

namespace Satchel.Tests.AuthFlows;

/// <summary>request-verification / confirm-verification over real HTTP and real SMTP.</summary>
public sealed class VerificationFlowTests(FlowFixture fixture) : IClassFixture<FlowFixture>
{
    private const string Password = "secret-pass-123";
    private FlowServer S => fixture.Server;

    private Task<ApiAnswer> Request(string email, string collection = "users")
        => S.PostAsync($"/api/collections/{collection}/request-verification", new { email });

    private Task<ApiAnswer> Confirm(object body) => S.PostAsync("/api/collections/users/confirm-verification", body);

    [Fact]
    public async Task Sign_up_then_the_mailed_link_verifies_the_account()
    {
        var email = FlowFixture.NewEmail("verify");
        var id = await S.SignUpAsync(email, Password);
        Assert.False((await S.RecordAsync("users", id))!["verified"]!.GetValue<bool>());

        var requested = await Request(email);
        Assert.Equal(204, requested.Status);
        Assert.Equal("", requested.Raw);

        var mail = await S.Mail.TakeAsync(email, "Verify");
        var token = MailBox.LinkToken(mail, "confirm-verification");
        var claims = Jwt.Claims(token);
        Assert.Equal("verification", claims["type"]!.GetValue<string>());
        Assert.Equal(email, claims["email"]!.GetValue<string>());
        Assert.Equal(id, claims["id"]!.GetValue<string>());

        var confirmed = await Confirm(new { token });
        Assert.Equal(204, confirmed.Status);
        Assert.True((await S.RecordAsync("users", id))!["verified"]!.GetValue<bool>());

        // Confirming again is harmless.
        Assert.Equal(204, (await Confirm(new { token })).Status);
    }

    [Fact]
    public async Task A_second_request_within_two_minutes_sends_nothing()
    {
        var email = FlowFixture.NewEmail("again");
        await S.SignUpAsync(email, Password);

        Assert.Equal(204, (await Request(email)).Status);
        await S.Mail.TakeAsync(email, "Verify");
        Assert.Equal(204, (await Request(email)).Status);
        await S.Mail.AssertNoneAsync(email);
    }

    [Fact]
    public async Task A_verified_account_is_answered_204_without_mail()
    {
        var email = FlowFixture.NewEmail("done");
        await S.SignUpAsync(email, Password);
        Assert.Equal(204, (await Request(email)).Status);
        var token = MailBox.LinkToken(await S.Mail.TakeAsync(email, "Verify"), "confirm-verification");
        Assert.Equal(204, (await Confirm(new { token })).Status);

        Assert.Equal(204, (await Request(email)).Status);
        await S.Mail.AssertNoneAsync(email);
    }

    [Fact]
    public async Task An_unknown_address_is_204_and_nothing_is_sent()
    {
        var email = FlowFixture.NewEmail("nobody");
        var answer = await Request(email);
        Assert.Equal(204, answer.Status);
        Assert.Equal("", answer.Raw);
        await S.Mail.AssertNoneAsync(email);
    }

    [Fact]
    public async Task The_request_checks_the_address()
    {
        var missing = await S.PostAsync("/api/collections/users/request-verification", new { });
        Assert.Equal(400, missing.Status);
        Assert.Equal("validation_required", missing.Json["data"]!["email"]!["code"]!.GetValue<string>());

        var invalid = await Request("not-an-email");
        Assert.Equal("validation_is_email", invalid.Json["data"]!["email"]!["code"]!.GetValue<string>());

        var broken = await S.PostAsync("/api/collections/users/request-verification", "{\"email");
        Assert.Equal(400, broken.Status);
        Assert.Equal("An error occurred while loading the submitted data.", broken.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Superusers_are_verified_by_default()
    {
        var answer = await Request(FlowServer.SuperuserEmail, "_superusers");
        Assert.Equal(400, answer.Status);
        Assert.Equal("All superusers are verified by default.", answer.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Confirm_refuses_missing_and_unusable_tokens()
    {
        var empty = await Confirm(new { });
        Assert.Equal("validation_required", empty.Json["data"]!["token"]!["code"]!.GetValue<string>());

        var garbage = await Confirm(new { token = "abc" });
        Assert.Equal("validation_invalid_token_claims", garbage.Json["data"]!["token"]!["code"]!.GetValue<string>());

        // An auth token is signed with another secret and carries no email claim.
        var email = FlowFixture.NewEmail("authtok");
        await S.SignUpAsync(email, Password);
        var authToken = (await S.SignInAsync(email, Password)).Json["token"]!.GetValue<string>();
        var wrongType = await Confirm(new { token = authToken });
        Assert.Equal(400, wrongType.Status);
        Assert.Equal("validation_invalid_token_claims", wrongType.Json["data"]!["token"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_link_for_an_address_the_account_no_longer_has_is_refused()
    {
        var email = FlowFixture.NewEmail("moved");
        var id = await S.SignUpAsync(email, Password);
        Assert.Equal(204, (await Request(email)).Status);
        var token = MailBox.LinkToken(await S.Mail.TakeAsync(email, "Verify"), "confirm-verification");

        // The superuser changes the address: the record gets a new tokenKey, so the old link is dead.
        var changed = await S.SendAsync(HttpMethod.Patch, "/api/collections/users/records/" + id, new { email = FlowFixture.NewEmail("moved2") }, S.SuperuserToken);
        Assert.Equal(200, changed.Status);

        var answer = await Confirm(new { token });
        Assert.Equal(400, answer.Status);
        Assert.Equal("validation_invalid_token", answer.Json["data"]!["token"]!["code"]!.GetValue<string>());
        Assert.False((await S.RecordAsync("users", id))!["verified"]!.GetValue<bool>());
    }
}
