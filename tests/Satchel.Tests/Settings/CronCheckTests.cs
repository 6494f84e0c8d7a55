using Satchel.Settings;

namespace Satchel.Tests.Settings;

public class CronCheckTests
{
    [Theory]
    [InlineData("0 0 * * *")]
    [InlineData("*/5 * * * *")]
    [InlineData("1-30/2 0,12 1 1-12 0-6")]
    [InlineData("@daily")]
    [InlineData("@midnight")]
    [InlineData("@hourly")]
    public void Accepts_what_pocketbase_schedules(string expression)
    {
        Assert.Null(CronCheck.Problem(expression));
    }

    [Theory]
    [InlineData("* * * *")]              // four fields
    [InlineData("0  0 * * *")]           // double space makes an empty field
    [InlineData("0 0 * * * *")]          // seconds field
    [InlineData("60 * * * *")]           // minute out of range
    [InlineData("* 24 * * *")]
    [InlineData("* * 0 * *")]
    [InlineData("* * * 13 *")]
    [InlineData("* * * * 7")]            // weekday is 0-6
    [InlineData("5/10 * * * *")]         // a step needs * or a range
    [InlineData("*/0 * * * *")]
    [InlineData("*/60 * * * *")]
    [InlineData("0 0 * JAN MON")]        // no names
    [InlineData("0 0 L * *")]
    [InlineData("@every_minute")]
    [InlineData("@reboot")]
    public void Rejects_anything_else(string expression)
    {
        Assert.NotNull(CronCheck.Problem(expression));
    }
}
