using Satchel.Tests.Auth;

namespace Satchel.Tests.AuthFlows;

/// <summary>request-email-change / confirm-email-change over real HTTP and real SMTP.</summary>
public sealed class EmailChangeFlowTests(FlowFixture fixture) : IClassFixture<FlowFixture>
{
    private const string Password = "change-pass-123";
    private FlowServer S => fixture.Server;

    private Task<ApiAnswer> Request(string token, string newEmail)
        => S.PostAsync("/api/collections/users/request-email-change", new { newEmail }, token);

    private Task<ApiAnswer> Confirm(string token, string password)
        => S.PostAsync("/api/collections/users/confirm-email-change", new { token, password });

    private async Task<(string Id, string Token)> SignedUp(string email)
    {
        var id = await S.SignUpAsync(email, Password);
        return (id, (await S.SignInAsync(email, Password)).Json["token"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_link_mailed_to_the_new_address_moves_the_account_there()
    {
        var email = FlowFixture.NewEmail("from");
        var newEmail = FlowFixture.NewEmail("to");
        var (id, auth) = await SignedUp(email);

        var requested = await Request(auth, newEmail);
        Assert.Equal(204, requested.Status);
        var token = MailBox.LinkToken(await S.Mail.TakeAsync(newEmail, "Confirm"), "confirm-email-change");
        var claims = Jwt.Claims(token);
        Assert.Equal("emailChange", claims["type"]!.GetValue<string>());
        Assert.Equal(email, claims["email"]!.GetValue<string>());
        Assert.Equal(newEmail, claims["newEmail"]!.GetValue<string>());
        await S.Mail.AssertNoneAsync(email, TimeSpan.Zero);

        Assert.Equal(204, (await Confirm(token, Password)).Status);

        var record = (await S.RecordAsync("users", id))!;
        Assert.Equal(newEmail, record["email"]!.GetValue<string>());
        Assert.True(record["verified"]!.GetValue<bool>());
        Assert.Equal(400, (await S.SignInAsync(email, Password)).Status);
        Assert.Equal(200, (await S.SignInAsync(newEmail, Password)).Status);
        // The new address renewed the tokenKey: the old session is over.
        Assert.Equal(401, (await S.PostAsync("/api/collections/users/auth-refresh", token: auth)).Status);
    }

    [Fact]
    public async Task Confirming_needs_the_account_password()
    {
        var email = FlowFixture.NewEmail("pw");
        var newEmail = FlowFixture.NewEmail("pw-new");
        var (id, auth) = await SignedUp(email);
        Assert.Equal(204, (await Request(auth, newEmail)).Status);
        var token = MailBox.LinkToken(await S.Mail.TakeAsync(newEmail), "confirm-email-change");

        var wrong = await Confirm(token, "not-the-password");
        Assert.Equal(400, wrong.Status);
        Assert.Equal("validation_invalid_password", wrong.Json["data"]!["password"]!["code"]!.GetValue<string>());
        Assert.Equal(email, (await S.RecordAsync("users", id))!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_new_address_must_still_be_free_at_confirmation()
    {
        var email = FlowFixture.NewEmail("race");
        var newEmail = FlowFixture.NewEmail("race-new");
        var (id, auth) = await SignedUp(email);
        Assert.Equal(204, (await Request(auth, newEmail)).Status);
        var token = MailBox.LinkToken(await S.Mail.TakeAsync(newEmail), "confirm-email-change");

        await S.SignUpAsync(newEmail, Password);

        var answer = await Confirm(token, Password);
        Assert.Equal(400, answer.Status);
        Assert.Equal("validation_invalid_token_email", answer.Json["data"]!["token"]!["code"]!.GetValue<string>());
        Assert.Equal(email, (await S.RecordAsync("users", id))!["email"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_taken_address_is_answered_like_a_free_one_but_gets_no_mail()
    {
        var taken = FlowFixture.NewEmail("taken");
        await S.SignUpAsync(taken, Password);
        var (_, auth) = await SignedUp(FlowFixture.NewEmail("asker"));

        var free = await Request(auth, FlowFixture.NewEmail("free"));
        var answer = await Request(auth, taken);
        Assert.Equal((free.Status, free.Raw), (answer.Status, answer.Raw));
        await S.Mail.AssertNoneAsync(taken);
    }

    [Fact]
    public async Task The_request_needs_an_own_record_and_a_new_address()
    {
        Assert.Equal(401, (await S.PostAsync("/api/collections/users/request-email-change", new { newEmail = "x@example.com" })).Status);

        var otherCollection = await Request(S.SuperuserToken, "x@example.com");
        Assert.Equal(403, otherCollection.Status);
        Assert.Equal("The request requires auth record from _superusers collection.", otherCollection.Json["message"]!.GetValue<string>());

        var email = FlowFixture.NewEmail("same");
        var (_, auth) = await SignedUp(email);
        var same = await Request(auth, email);
        Assert.Equal(400, same.Status);
        Assert.Equal("validation_not_in_invalid", same.Json["data"]!["newEmail"]!["code"]!.GetValue<string>());

        var invalid = await Request(auth, "nope");
        Assert.Equal("validation_is_email", invalid.Json["data"]!["newEmail"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Superusers_change_their_address_directly()
    {
        var answer = await S.PostAsync("/api/collections/_superusers/request-email-change", new { newEmail = "new-admin@example.com" }, S.SuperuserToken);
        Assert.Equal(400, answer.Status);
        Assert.Equal("All superusers can change their emails directly.", answer.Json["message"]!.GetValue<string>());
    }
}
