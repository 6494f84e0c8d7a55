using System.Diagnostics;
using Satchel.Plugins.AuthOtp;

namespace Satchel.Tests.AuthFlows;

/// <summary>
/// One-time passwords are compared in constant time: the comparison takes as long when the first
/// character differs as when only the last one does. (Tokens are HMAC-signed JWTs, whose
/// signatures the token handler compares in constant time.)
/// </summary>
public sealed class ConstantTimeTests
{
    [Fact]
    public void The_comparison_gives_the_right_answers()
    {
        Assert.True(OtpCode.SecretsEqual("$2a$08$abcdef"u8, "$2a$08$abcdef"u8));
        Assert.False(OtpCode.SecretsEqual("$2a$08$abcdef"u8, "$2a$08$abcdeg"u8));
        Assert.False(OtpCode.SecretsEqual("$2a$08$abcdef"u8, "$2a$08$abcde"u8));
        Assert.False(OtpCode.SecretsEqual(""u8, "x"u8));
    }

    [Fact]
    public void An_early_mismatch_takes_as_long_as_a_late_one()
    {
        // Long inputs make an early-exit comparison hundreds of times faster on an early mismatch.
        var secret = Enumerable.Repeat((byte)'a', 16_384).ToArray();
        var early = (byte[])secret.Clone();
        early[0] = (byte)'b';
        var late = (byte[])secret.Clone();
        late[^1] = (byte)'b';

        for (var i = 0; i < 200; i++) { OtpCode.SecretsEqual(secret, early); OtpCode.SecretsEqual(secret, late); }
        var earlyTimes = new List<long>();
        var lateTimes = new List<long>();
        for (var round = 0; round < 201; round++)
        {
            earlyTimes.Add(Measure(secret, early));
            lateTimes.Add(Measure(secret, late));
        }

        var ratio = (double)Median(lateTimes) / Math.Max(1, Median(earlyTimes));
        Assert.InRange(ratio, 1 / 3.0, 3.0);
    }

    private static long Measure(byte[] a, byte[] b)
    {
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++) OtpCode.SecretsEqual(a, b);
        return watch.ElapsedTicks;
    }

    private static long Median(List<long> values) => values.Order().ElementAt(values.Count / 2);
}
