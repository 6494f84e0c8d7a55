using Dapper;
using Satchel.Tests.Support;

namespace Satchel.Tests.AuthFlows;

/// <summary>
/// With the mail server unreachable the actions still answer as usual and keep their changes;
/// each failed send is logged with the record's id only.
/// </summary>
public sealed class MailFailureTests
{
    private const string Password = "fail-pass-1234";

    private static async Task WaitForLog(FlowServer s, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!s.Output.Contains(text))
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"\"{text}\" was never logged:\n{s.Output}");
            await Task.Delay(50);
        }
    }

    [Fact]
    public async Task Failed_sends_are_logged_and_lose_nothing()
    {
        await using var s = await FlowServer.StartAsync(smtpReachable: false);
        await s.PatchCollectionAsync("users", new { otp = new { enabled = true } });
        var email = FlowFixture.NewEmail("down");
        var id = await s.SignUpAsync(email, Password);

        Assert.Equal(204, (await s.PostAsync("/api/collections/users/request-verification", new { email })).Status);
        await WaitForLog(s, $"Failed to send the verification email to users record {id}");

        // A new device still signs in and is remembered even though its alert can't be sent.
        Assert.Equal(200, (await s.SignInAsync(email, Password, userAgent: "First")).Status);
        Assert.Equal(200, (await s.SignInAsync(email, Password, userAgent: "Second")).Status);
        Assert.Equal(2, DataDb.Query(s.Server.DataDir, c => c.ExecuteScalar<long>("SELECT count(*) FROM _authOrigins WHERE recordRef = @id", new { id })));
        await WaitForLog(s, $"Failed to send the new device alert to users record {id}");

        // A code nobody received is useless: it is removed again.
        var otp = await s.PostAsync("/api/collections/users/request-otp", new { email });
        Assert.Equal(200, otp.Status);
        await WaitForLog(s, $"Failed to send the OTP email to users record {id}");
        var otpId = otp.Json["otpId"]!.GetValue<string>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (OtpFlow.OtpRow(s, otpId) != null && DateTime.UtcNow < deadline) await Task.Delay(25);
        Assert.Null(OtpFlow.OtpRow(s, otpId));

        // A failed reset email may be asked for again at once (the two minute pause is lifted).
        Assert.Equal(204, (await s.PostAsync("/api/collections/users/request-password-reset", new { email })).Status);
        await WaitForLog(s, $"Failed to send the password reset email to users record {id}");
        Assert.Equal(204, (await s.PostAsync("/api/collections/users/request-password-reset", new { email })).Status);
        var deadline2 = DateTime.UtcNow.AddSeconds(60);
        while (CountOf(s.Output, "Failed to send the password reset email") < 2)
        {
            Assert.True(DateTime.UtcNow < deadline2, s.Output);
            await Task.Delay(50);
        }

        Assert.DoesNotContain("eyJ", s.Output);
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var i = text.IndexOf(part, StringComparison.Ordinal); i >= 0; i = text.IndexOf(part, i + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
