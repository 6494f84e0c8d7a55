using Satchel.Models.Fields;

namespace Satchel.Tests.Fields;

public class GoFormatTests
{
    [Theory]
    [InlineData(0d, "0", "0")]
    [InlineData(5d, "5", "5")]
    [InlineData(-2.5d, "-2.5", "-2.5")]
    [InlineData(123456d, "123456", "123456")]
    [InlineData(1000000d, "1000000", "1e+06")]
    [InlineData(1234567d, "1234567", "1.234567e+06")]
    [InlineData(0.0001d, "0.0001", "0.0001")]
    [InlineData(0.00001d, "0.00001", "1e-05")]
    [InlineData(1e21d, "1000000000000000000000", "1e+21")]
    [InlineData(0.1d, "0.1", "0.1")]
    public void Formats_like_go(double value, string plain, string defaultText)
    {
        Assert.Equal(plain, GoFormat.FormatF(value));
        Assert.Equal(defaultText, GoFormat.FormatV(value));
    }
}
