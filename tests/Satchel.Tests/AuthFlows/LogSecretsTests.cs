using System.Text.RegularExpressions;
using Satchel.Tests.Auth;

namespace Satchel.Tests.AuthFlows;

/// <summary>
/// Runs every auth flow (and its failures) against a server in dev mode, which logs every
/// request, then scans all it printed: no token, code or password may appear in any line.
/// </summary>
public sealed class LogSecretsTests
{
    [Fact]
    public async Task No_token_code_or_password_is_ever_logged()
    {
        await using var s = await FlowServer.StartAsync(dev: true);
        var secrets = new List<string> { FlowServer.SuperuserPassword, s.SuperuserToken };
        await s.PatchCollectionAsync("users", new { otp = new { enabled = true, length = 9 } });

        const string first = "first-secret-pass-1";
        const string second = "second-secret-pass-2";
        const string wrong = "wrong-secret-pass-3";
        secrets.AddRange(new[] { first, second, wrong });
        var email = FlowFixture.NewEmail("logs");
        var id = await s.SignUpAsync(email, first);

        // verification
        Assert.Equal(204, (await s.PostAsync("/api/collections/users/request-verification", new { email })).Status);
        var verifyToken = MailBox.LinkToken(await s.Mail.TakeAsync(email, "Verify"), "confirm-verification");
        secrets.Add(verifyToken);
        Assert.Equal(204, (await s.PostAsync("/api/collections/users/confirm-verification", new { token = verifyToken })).Status);

        // password reset
        Assert.Equal(204, (await s.PostAsync("/api/collections/users/request-password-reset", new { email })).Status);
        var resetToken = MailBox.LinkToken(await s.Mail.TakeAsync(email, "Reset"), "confirm-password-reset");
        secrets.Add(resetToken);
        Assert.Equal(204, (await s.PostAsync("/api/collections/users/confirm-password-reset", new { token = resetToken, password = second, passwordConfirm = second })).Status);
        Assert.Equal(400, (await s.PostAsync("/api/collections/users/confirm-password-reset", new { token = resetToken, password = wrong, passwordConfirm = wrong })).Status);

        // sign-in, a failed one, and a new device alert
        Assert.Equal(400, (await s.SignInAsync(email, wrong)).Status);
        var auth = (await s.SignInAsync(email, second, userAgent: "Device-One")).Token();
        secrets.Add(auth);
        secrets.Add((await s.SignInAsync(email, second, userAgent: "Device-Two")).Token());
        await s.Mail.TakeAsync(email, "Login from a new location");

        // email change
        var newEmail = FlowFixture.NewEmail("logs-new");
        Assert.Equal(204, (await s.PostAsync("/api/collections/users/request-email-change", new { newEmail }, auth)).Status);
        var changeToken = MailBox.LinkToken(await s.Mail.TakeAsync(newEmail, "Confirm"), "confirm-email-change");
        secrets.Add(changeToken);
        Assert.Equal(400, (await s.PostAsync("/api/collections/users/confirm-email-change", new { token = changeToken, password = wrong })).Status);
        Assert.Equal(204, (await s.PostAsync("/api/collections/users/confirm-email-change", new { token = changeToken, password = second })).Status);

        // OTP, a wrong code, and MFA with password + OTP
        var (otpId, code) = await s.MailedCode(newEmail);
        secrets.Add(code);
        var wrongCode = code == "000000000" ? "111111111" : "000000000";
        secrets.Add(wrongCode);
        Assert.Equal(400, (await s.SignIn(otpId, wrongCode)).Status);
        secrets.Add((await s.SignIn(otpId, code)).Token());

        await s.PatchCollectionAsync("users", new { mfa = new { enabled = true } });
        await s.PostAsync("/api/collections/users/request-password-reset", new { email = newEmail });
        var reset2 = MailBox.LinkToken(await s.Mail.TakeAsync(newEmail, "Reset"), "confirm-password-reset");
        secrets.Add(reset2);
        Assert.Equal(204, (await s.PostAsync("/api/collections/users/confirm-password-reset", new { token = reset2, password = second, passwordConfirm = second })).Status);
        var mfa = await s.SignInAsync(newEmail, second);
        Assert.Equal(401, mfa.Status);
        var (otpId2, code2) = await s.MailedCode(newEmail);
        secrets.Add(code2);
        var completed = await s.SignIn(otpId2, code2, "?mfaId=" + mfa.Json["mfaId"]!.GetValue<string>());
        Assert.Equal(200, completed.Status);
        secrets.Add(completed.Token());

        // failures while the mail server is gone: the logged errors must not carry what the emails did
        var settings = await s.SendAsync(HttpMethod.Patch, "/api/settings", new { smtp = new { port = Satchel.Tests.Support.FreePort.Next() } }, s.SuperuserToken);
        Assert.Equal(200, settings.Status);
        Assert.Equal(204, (await s.PostAsync("/api/collections/users/request-password-reset", new { email = newEmail })).Status);
        Assert.Equal(200, (await s.Request(newEmail)).Status);
        await WaitFor(s, "Failed to send the password reset email");
        await WaitFor(s, "Failed to send the OTP email");

        var output = s.Output;
        Assert.Contains("/api/collections/users/auth-with-otp", output); // dev mode logged the requests
        foreach (var secret in secrets)
            Assert.False(output.Contains(secret, StringComparison.Ordinal), $"a secret ({secret[..Math.Min(6, secret.Length)]}…) was logged");
        Assert.DoesNotMatch(new Regex("eyJ[A-Za-z0-9_-]{8,}"), output);
        // The failed sends had 9-digit codes nobody saw; none of them may be in the log either.
        Assert.DoesNotMatch(new Regex("(?<![0-9])[0-9]{9}(?![0-9])"), output);
    }

    private static async Task WaitFor(FlowServer s, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!s.Output.Contains(text))
        {
            Assert.True(DateTime.UtcNow < deadline, $"\"{text}\" was never logged");
            await Task.Delay(50);
        }
    }
}
