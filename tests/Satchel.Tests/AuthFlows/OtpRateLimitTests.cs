using System.Diagnostics;

namespace Satchel.Tests.AuthFlows;

/// <summary>Guessing OTP codes is throttled by the rate limiter's "*:auth" rule, not only by the per-code attempt cap.</summary>
public sealed class OtpRateLimitTests : IAsyncLifetime
{
    private const string TooMany = """{"data":{},"message":"Too Many Requests.","status":429}""";
    private FlowServer S = null!;

    public async Task InitializeAsync()
    {
        S = await FlowServer.StartAsync();
        await S.PatchCollectionAsync("users", new { otp = new { enabled = true, length = 6, duration = 300 } });
    }

    public async Task DisposeAsync() => await S.DisposeAsync();

    [Fact]
    public async Task A_thousand_wrong_codes_are_stopped_by_the_limiter()
    {
        var email = FlowFixture.NewEmail("otp-limit");
        await S.SignUpAsync(email, "otp-limit-pass-1");
        var (otpId, code) = await S.MailedCode(email);

        // PocketBase's default rules, switched on: "*:auth" lets 2 attempts through per 3 seconds.
        var settings = await S.SendAsync(HttpMethod.Patch, "/api/settings", """
            {"rateLimits":{"enabled":true,"excludedIPs":[],"rules":[
              {"label":"*:auth","audience":"","duration":3,"maxRequests":2},
              {"label":"*:create","audience":"","duration":5,"maxRequests":20},
              {"label":"/api/batch","audience":"","duration":1,"maxRequests":3},
              {"label":"/api/","audience":"","duration":10,"maxRequests":300}]}}
            """, S.SuperuserToken);
        Assert.True(settings.Status == 200, settings.ToString());

        var clock = Stopwatch.StartNew();
        var counts = new Dictionary<int, int>();
        string? tooManyBody = null;
        for (var i = 0; i < 1000; i++)
        {
            var guess = ((int.Parse(code) + 1 + i) % 1_000_000).ToString("D6");
            var answer = await S.SignIn(otpId, guess);
            counts[answer.Status] = counts.GetValueOrDefault(answer.Status) + 1;
            if (answer.Status == 429) tooManyBody ??= answer.Raw;
        }
        var windows = (int)Math.Ceiling(clock.Elapsed.TotalSeconds / 3) + 1;

        // Only a handful of guesses reached the endpoint (each a plain 400); every other one was refused before it.
        Assert.Equal(new[] { 400, 429 }, counts.Keys.Order());
        Assert.InRange(counts[400], 2, 2 * windows);
        Assert.Equal(1000 - counts[400], counts[429]);
        Assert.Equal(TooMany, tooManyBody);
    }
}
