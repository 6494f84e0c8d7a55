using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Satchel.Tests.Support;

namespace Satchel.Tests.AuthFlows;

/// <summary>
/// Each record auth action fires its request hook with the record it is about, before its core
/// step: a handler answering on its own stops the save and the email.
/// </summary>
public sealed class AuthActionHookTests : IAsyncLifetime
{
    private const string Password = "hook-pass-1234";
    private FlowServer S = null!;

    public async Task InitializeAsync()
    {
        S = await FlowServer.StartAsync(FlowServer.Plugins().AddTestPlugin("auth-action-hooks"));
        await S.PatchCollectionAsync("users", new { otp = new { enabled = true, length = 7 } });
    }

    public async Task DisposeAsync() => await S.DisposeAsync();

    private async Task<JsonObject> Probe(string hook, string url, object body, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("X-Hook-Probe", hook);
        if (token != null) request.Headers.TryAddWithoutValidation("Authorization", token);
        using var response = await S.Client.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 200, $"{hook}: {(int)response.StatusCode} {raw}");
        var json = JsonNode.Parse(raw)!.AsObject();
        Assert.Equal(hook, json["hook"]!.GetValue<string>());
        Assert.Equal("users", json["collection"]!.GetValue<string>());
        return json;
    }

    [Fact]
    public async Task Every_request_hook_fires_with_its_record_and_can_answer_instead()
    {
        var email = FlowFixture.NewEmail("hooks");
        var id = await S.SignUpAsync(email, Password);
        var auth = (await S.SignInAsync(email, Password)).Json["token"]!.GetValue<string>();

        var verification = await Probe("OnRecordRequestVerificationRequest", "/api/collections/users/request-verification", new { email });
        Assert.Equal(id, verification["record"]!.GetValue<string>());
        var reset = await Probe("OnRecordRequestPasswordResetRequest", "/api/collections/users/request-password-reset", new { email });
        Assert.Equal(id, reset["record"]!.GetValue<string>());
        var change = await Probe("OnRecordRequestEmailChangeRequest", "/api/collections/users/request-email-change", new { newEmail = "hooked@example.com" }, auth);
        Assert.Equal("hooked@example.com", change["extra"]!.GetValue<string>());
        var otp = await Probe("OnRecordRequestOTPRequest", "/api/collections/users/request-otp", new { email });
        Assert.Equal(id, otp["record"]!.GetValue<string>());
        Assert.Equal("7", otp["extra"]!.GetValue<string>());
        // The handlers answered instead of the core steps: no email went out.
        await S.Mail.AssertNoneAsync(email);
        await S.Mail.AssertNoneAsync("hooked@example.com", TimeSpan.Zero);

        // The confirm hooks, with real tokens and a real code.
        Assert.Equal(204, (await S.PostAsync("/api/collections/users/request-verification", new { email })).Status);
        var verifyToken = MailBox.LinkToken(await S.Mail.TakeAsync(email, "Verify"), "confirm-verification");
        Assert.Equal(id, (await Probe("OnRecordConfirmVerificationRequest", "/api/collections/users/confirm-verification", new { token = verifyToken }))["record"]!.GetValue<string>());
        Assert.False((await S.RecordAsync("users", id))!["verified"]!.GetValue<bool>());

        Assert.Equal(204, (await S.PostAsync("/api/collections/users/request-password-reset", new { email })).Status);
        var resetToken = MailBox.LinkToken(await S.Mail.TakeAsync(email, "Reset"), "confirm-password-reset");
        await Probe("OnRecordConfirmPasswordResetRequest", "/api/collections/users/confirm-password-reset",
            new { token = resetToken, password = "other-pass-999", passwordConfirm = "other-pass-999" });
        Assert.Equal(200, (await S.SignInAsync(email, Password)).Status);

        Assert.Equal(204, (await S.PostAsync("/api/collections/users/request-email-change", new { newEmail = "hooked2@example.com" }, auth)).Status);
        var changeToken = MailBox.LinkToken(await S.Mail.TakeAsync("hooked2@example.com", "Confirm"), "confirm-email-change");
        var confirmed = await Probe("OnRecordConfirmEmailChangeRequest", "/api/collections/users/confirm-email-change", new { token = changeToken, password = Password });
        Assert.Equal("hooked2@example.com", confirmed["extra"]!.GetValue<string>());
        Assert.Equal(email, (await S.RecordAsync("users", id))!["email"]!.GetValue<string>());

        var (otpId, code) = await S.MailedCode(email);
        var signIn = await Probe("OnRecordAuthWithOTPRequest", "/api/collections/users/auth-with-otp", new { otpId, password = code });
        Assert.Equal(otpId, signIn["extra"]!.GetValue<string>());
        // The core step never ran, so the code is still unused.
        Assert.NotNull(OtpFlow.OtpRow(S, otpId));
    }

    [Fact]
    public async Task The_otp_request_hook_sees_a_null_record_for_an_unknown_address()
    {
        var answer = await Probe("OnRecordRequestOTPRequest", "/api/collections/users/request-otp", new { email = "ghost@example.com" });
        Assert.Null(answer["record"]);
    }
}
