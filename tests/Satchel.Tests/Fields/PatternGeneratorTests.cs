using System.Text.RegularExpressions;
using Satchel.Models.Fields;

namespace Satchel.Tests.Fields;

public class PatternGeneratorTests
{
    [Theory]
    [InlineData("[a-z0-9]{15}", 15, 15)]
    [InlineData("users[0-9]{5}", 10, 10)]
    [InlineData("[a-zA-Z0-9_]{50}", 50, 50)]
    [InlineData("[a-zA-Z0-9]{50}", 50, 50)]
    [InlineData("abc-\\d{2,4}", 6, 8)]
    [InlineData("(foo|bar)_[A-F]{3}", 7, 7)]
    [InlineData("x[^a-z]{4}", 5, 5)]
    [InlineData("\\w+", 1, 6)]
    [InlineData("a.{3}", 4, 4)]
    [InlineData("\\.\\-\\x41", 3, 3)]
    [InlineData("[a-c-]{3,}", 3, 6)]
    public void Generated_values_match_the_pattern(string pattern, int minLength, int maxLength)
    {
        var regex = new Regex("^(?:" + pattern + ")$");
        for (var i = 0; i < 25; i++)
        {
            var value = PatternGenerator.Generate(pattern);
            Assert.Matches(regex, value);
            Assert.InRange(value.Length, minLength, maxLength);
        }
    }

    [Fact]
    public void Posix_classes_are_supported()
    {
        for (var i = 0; i < 25; i++)
            Assert.Matches("^[A-Z]{2}[0-9]?$", PatternGenerator.Generate("[[:upper:]]{2}[[:digit:]]?"));
    }

    [Fact]
    public void Values_are_random()
    {
        var values = Enumerable.Range(0, 20).Select(_ => PatternGenerator.Generate("[a-z0-9]{15}")).ToHashSet();
        Assert.Equal(20, values.Count);
    }

    [Fact]
    public void Every_class_member_can_be_produced()
    {
        var seen = Enumerable.Range(0, 400).Select(_ => PatternGenerator.Generate("[abc]")).ToHashSet();
        Assert.Equal(new HashSet<string> { "a", "b", "c" }, seen);
    }

    [Theory]
    [InlineData("^[a-z]{3}", "unsupported pattern operator 9")]
    [InlineData("[a-z]{3}$", "unsupported pattern operator 10")]
    [InlineData("\\bword", "unsupported pattern operator 11")]
    [InlineData("[a-z", "error parsing regexp: missing closing ]: `[a-z`")]
    [InlineData("(ab", "error parsing regexp: missing closing ): `(ab`")]
    [InlineData("*a", "error parsing regexp: missing argument to repetition operator: `*`")]
    [InlineData("a**", "error parsing regexp: invalid nested repetition operator: `**`")]
    [InlineData("[z-a]", "error parsing regexp: invalid character class range: `z-a`")]
    [InlineData("a{1001}", "error parsing regexp: invalid repeat count: `{1001}`")]
    public void Unsupported_patterns_are_reported(string pattern, string message)
    {
        Assert.False(PatternGenerator.TryGenerate(pattern, out _, out var error));
        Assert.Equal(message, error);
        Assert.Throws<ArgumentException>(() => PatternGenerator.Generate(pattern));
    }

    [Fact]
    public void Text_field_autogenerates_from_its_pattern()
    {
        Assert.Matches("^users[0-9]{5}$", new TextField { AutogeneratePattern = "users[0-9]{5}" }.Autogenerate());
        Assert.Equal("", new TextField().Autogenerate());
    }
}
