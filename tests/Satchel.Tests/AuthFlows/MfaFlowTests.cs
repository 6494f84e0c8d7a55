using Satchel.Tests.Auth;

namespace Satchel.Tests.AuthFlows;

/// <summary>MFA with the real second factor: a password sign-in completed by a mailed one-time password (and the other way round).</summary>
public sealed class MfaFlowTests(MfaFlowTests.Fixture fixture) : IClassFixture<MfaFlowTests.Fixture>
{
    private const string Password = "mfa-user-pass-1";
    private FlowServer S => fixture.Server;

    /// <summary>"users" with OTP and MFA (sessions valid for 10 minutes) on.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        public FlowServer Server { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            Server = await FlowServer.StartAsync();
            await Server.PatchCollectionAsync("users", new { otp = new { enabled = true }, mfa = new { enabled = true, duration = 600 } });
        }

        public async Task DisposeAsync() => await Server.DisposeAsync();
    }

    private static string MfaId(ApiAnswer answer)
    {
        Assert.True(answer.Status == 401, answer.ToString());
        Assert.Equal(new[] { "mfaId" }, answer.Json.Select(p => p.Key));
        return answer.Json["mfaId"]!.GetValue<string>();
    }

    [Fact]
    public async Task Password_then_mailed_code_signs_in()
    {
        var email = FlowFixture.NewEmail("mfa");
        var id = await S.SignUpAsync(email, Password);

        var mfaId = MfaId(await S.SignInAsync(email, Password));
        var (otpId, code) = await S.MailedCode(email);
        await S.WaitForSentTo(otpId);
        var answer = await S.SignIn(otpId, code, "?mfaId=" + mfaId);

        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal(id, answer.Record()["id"]!.GetValue<string>());
        // With MFA on, the OTP is a second factor: the password stays.
        Assert.True(answer.Record()["verified"]!.GetValue<bool>());
        var again = MfaId(await S.SignInAsync(email, Password));
        Assert.NotEqual(mfaId, again);
    }

    [Fact]
    public async Task Mailed_code_then_password_signs_in()
    {
        var email = FlowFixture.NewEmail("mfa-otp-first");
        await S.SignUpAsync(email, Password);

        var (otpId, code) = await S.MailedCode(email);
        var mfaId = MfaId(await S.SignIn(otpId, code));
        var answer = await S.PostAsync("/api/collections/users/auth-with-password", new { identity = email, password = Password, mfaId });

        Assert.True(answer.Status == 200, answer.ToString());
    }

    [Fact]
    public async Task The_same_method_twice_is_not_enough()
    {
        var email = FlowFixture.NewEmail("mfa-same");
        await S.SignUpAsync(email, Password);
        var (otpId, code) = await S.MailedCode(email);
        var mfaId = MfaId(await S.SignIn(otpId, code));

        var (otpId2, code2) = await S.MailedCode(email);
        var answer = await S.SignIn(otpId2, code2, "?mfaId=" + mfaId);

        Assert.Equal(400, answer.Status);
        Assert.Equal("A different authentication method is required.", answer.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_mfa_session_older_than_the_duration_is_refused()
    {
        var email = FlowFixture.NewEmail("mfa-old");
        await S.SignUpAsync(email, Password);
        var mfaId = MfaId(await S.SignInAsync(email, Password));
        OtpFlow.Age(S, "_mfas", mfaId, TimeSpan.FromSeconds(601));

        var (otpId, code) = await S.MailedCode(email);
        var answer = await S.SignIn(otpId, code, "?mfaId=" + mfaId);

        Assert.Equal(400, answer.Status);
        Assert.Equal("Invalid or expired MFA session.", answer.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Records_outside_the_mfa_rule_sign_in_with_one_method()
    {
        await using var server = await FlowServer.StartAsync();
        await server.PatchCollectionAsync("users", new { otp = new { enabled = true }, mfa = new { enabled = true, rule = "name = 'vip'" } });
        var email = FlowFixture.NewEmail("plain");
        await server.SignUpAsync(email, Password);
        var vip = FlowFixture.NewEmail("vip");
        var vipAnswer = await server.PostAsync("/api/collections/users/records", new { email = vip, password = Password, passwordConfirm = Password, name = "vip" });
        Assert.Equal(200, vipAnswer.Status);

        Assert.Equal(200, (await server.SignInAsync(email, Password)).Status);
        var (otpId, code) = await server.MailedCode(email);
        Assert.Equal(200, (await server.SignIn(otpId, code)).Status);
        MfaId(await server.SignInAsync(vip, Password));
    }
}
