using System.Globalization;
using System.Text.Json;
using Satchel.Models.Fields;

namespace Satchel.Tests.Fields;

/// <summary>
/// Stored dates and string arrays are read on every listed record, so they have fast paths; these
/// check that the fast paths agree with the general parsers on every input.
/// </summary>
public class StoredValueReadingTests
{
    [Theory]
    [InlineData("2024-02-29 23:59:59.999Z", "2024-02-29 23:59:59.999Z")]
    [InlineData("2023-02-29 00:00:00.000Z", "")] // no such day
    [InlineData("2024-13-01 00:00:00.000Z", "")]
    [InlineData("2024-01-01 24:00:00.000Z", "")]
    [InlineData("0001-01-01 00:00:00.000Z", "")] // the zero date
    [InlineData("2024-01-01 10:00:00.000+02:00", "2024-01-01 08:00:00.000Z")]
    [InlineData("2024-01-01T10:00:00Z", "2024-01-01 10:00:00.000Z")]
    [InlineData("2024-01-0a 10:00:00.000Z", "")]
    public void Dates_normalise_to_pocketbase_text(string raw, string expected)
    {
        Assert.Equal(expected, DateTimeText.Normalize(raw));
    }

    [Fact]
    public void Canonical_dates_read_fast_agree_with_the_general_parser()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            // mostly valid, sometimes out-of-range fields
            var text = $"{random.Next(1, 10000):D4}-{random.Next(0, 14):D2}-{random.Next(0, 33):D2} {random.Next(0, 25):D2}:{random.Next(0, 61):D2}:{random.Next(0, 61):D2}.{random.Next(0, 1000):D3}Z";
            var general = DateTimeOffset.TryParseExact(text, "yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed) && parsed.UtcDateTime != DateTime.MinValue;
            Assert.Equal(general ? text : "", DateTimeText.Normalize(text));
            Assert.Equal(general, DateTimeText.TryParse(text, out var value));
            if (general) Assert.Equal(parsed, value);
        }
    }

    [Theory]
    [InlineData("[]", new string[0])]
    [InlineData("[\"a\",\"b\",\"a\"]", new[] { "a", "b" })]
    [InlineData(" [ \"a\" , \"\" ,\"c\" ] ", new[] { "a", "c" })]
    [InlineData("[\"a\\\"b\",\"c\\u0041\"]", new[] { "a\"b", "cA" })] // escapes: the JSON parser
    [InlineData("[\"a\",1]", new[] { "[\"a\",1]" })] // not a string array: the text itself
    [InlineData("[\"a\"", new[] { "[\"a\"" })]
    [InlineData("[\"a\"]x", new[] { "[\"a\"]x" })]
    [InlineData("[\"a\" \"b\"]", new[] { "[\"a\" \"b\"]" })]
    [InlineData("null", new[] { "null" })]
    [InlineData("plain", new[] { "plain" })]
    public void Stored_arrays_read_as_their_strings(string raw, string[] expected)
    {
        Assert.Equal(expected, RawValue.ToUniqueStrings(raw));
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Generated_arrays_read_like_the_json_parser_reads_them()
    {
        var random = new Random(11);
        const string alphabet = "ab\"\\ ,[]\u0001é";
        for (var i = 0; i < 20_000; i++)
        {
            var items = Enumerable.Range(0, random.Next(0, 4)).Select(_ => new string(Enumerable.Range(0, random.Next(0, 4)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray())).ToList();
            var json = JsonSerializer.Serialize(items);
            var expected = items.Where(x => x != "").Distinct().ToList();
            Assert.Equal(expected, RawValue.ToUniqueStrings(json));
            // and with whitespace between the items
            Assert.Equal(expected, RawValue.ToUniqueStrings(JsonSerializer.Serialize(items, Indented)));
        }
    }
}
