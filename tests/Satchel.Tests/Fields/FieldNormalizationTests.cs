using System.Text.Json;
using System.Text.Json.Nodes;
using Satchel.Models.Fields;

namespace Satchel.Tests.Fields;

public class FieldNormalizationTests
{
    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static TheoryData<object?, string> TextInputs => new()
    {
        { null, "" },
        { "hello", "hello" },
        { true, "true" },
        { 42L, "42" },
        { 42, "42" },
        { 1.5d, "1.5" },
        { 1e21d, "1000000000000000000000" },
        { 12.50m, "12.50" },
        { Json("\"x\""), "x" },
        { Json("3"), "3" },
        { Json("false"), "false" },
        { Json("[1,2]"), "" },
        { Json("{\"a\":1}"), "" },
        { JsonValue.Create("node"), "node" },
        { new List<string> { "a" }, "" },
        { DBNull.Value, "" },
    };

    [Theory]
    [MemberData(nameof(TextInputs))]
    public void Text_values_become_strings(object? raw, string expected)
    {
        Assert.Equal(expected, new TextField().Normalize(raw));
        Assert.Equal(expected, new EmailField().Normalize(raw));
        Assert.Equal(expected, new UrlField().Normalize(raw));
        Assert.Equal(expected, new EditorField().Normalize(raw));
    }

    public static TheoryData<object?, double> NumberInputs => new()
    {
        { null, 0 },
        { "12.5", 12.5 },
        { "-3e2", -300 },
        { "abc", 0 },
        { " 5", 0 },
        { "", 0 },
        { true, 1 },
        { false, 0 },
        { 7L, 7 },
        { 7, 7 },
        { 2.25d, 2.25 },
        { 3.5m, 3.5 },
        { Json("8.75"), 8.75 },
        { Json("\"9\""), 9 },
        { Json("true"), 1 },
        { Json("[1]"), 0 },
    };

    [Theory]
    [MemberData(nameof(NumberInputs))]
    public void Number_values_become_doubles(object? raw, double expected)
    {
        var value = new NumberField().Normalize(raw);
        Assert.IsType<double>(value);
        Assert.Equal(expected, (double)value!);
    }

    [Fact]
    public void Number_words_for_infinity_and_nan_are_parsed_so_validation_can_reject_them()
    {
        Assert.True(double.IsPositiveInfinity((double)new NumberField().Normalize("Inf")!));
        Assert.True(double.IsNaN((double)new NumberField().Normalize("NaN")!));
    }

    public static TheoryData<object?, bool> BoolInputs => new()
    {
        { null, false },
        { true, true },
        { "true", true },
        { "1", true },
        { "t", true },
        { "TRUE", true },
        { "false", false },
        { "yes", false },
        { "", false },
        { 1L, true },
        { 0L, false },
        { 2.5d, true },
        { Json("true"), true },
        { Json("0"), false },
        { Json("\"1\""), true },
    };

    [Theory]
    [MemberData(nameof(BoolInputs))]
    public void Bool_values_become_bools(object? raw, bool expected)
    {
        Assert.Equal(expected, new BoolField().Normalize(raw));
    }

    public static TheoryData<object?, string[]> ListInputs => new()
    {
        { null, [] },
        { "", [] },
        { "a", ["a"] },
        { "[\"a\",\"b\",\"a\",\"\"]", ["a", "b"] },
        { "[not json", ["[not json"] },
        { "[1,2]", ["[1,2]"] },
        { new List<string> { "x", "", "y", "x" }, ["x", "y"] },
        { new[] { "p", "q" }, ["p", "q"] },
        { new List<object?> { "a", 5d, true, null }, ["a", "5", "true"] },
        { Json("[\"j\",\"k\",\"j\"]"), ["j", "k"] },
        { Json("\"single\""), ["single"] },
        { JsonNode.Parse("[\"n\"]"), ["n"] },
        { 5d, [] },
    };

    [Theory]
    [MemberData(nameof(ListInputs))]
    public void Multi_value_fields_keep_distinct_non_empty_values(object? raw, string[] expected)
    {
        Assert.Equal(expected, (List<string>)new SelectField { MaxSelect = 5 }.Normalize(raw)!);
        Assert.Equal(expected, (List<string>)new FileField { MaxSelect = 5 }.Normalize(raw)!);
        Assert.Equal(expected, (List<string>)new RelationField { MaxSelect = 5 }.Normalize(raw)!);
    }

    [Theory]
    [MemberData(nameof(ListInputs))]
    public void Single_value_fields_keep_the_last_value(object? raw, string[] all)
    {
        var expected = all.Length > 0 ? all[^1] : "";
        Assert.Equal(expected, new SelectField { MaxSelect = 1 }.Normalize(raw));
        Assert.Equal(expected, new FileField().Normalize(raw));
        Assert.Equal(expected, new RelationField { MaxSelect = 1 }.Normalize(raw));
    }

    [Fact]
    public void Multi_value_zero_values_are_fresh_empty_lists_and_single_ones_empty_strings()
    {
        var field = new SelectField { MaxSelect = 2 };
        var a = (List<string>)field.ZeroValue!;
        a.Add("x");
        Assert.Empty((List<string>)field.ZeroValue!);
        Assert.Equal("", new SelectField().ZeroValue);
    }

    [Fact]
    public void Multi_values_are_stored_as_json_array_text_and_single_values_as_text()
    {
        Assert.Equal("[\"a\",\"é\"]", new RelationField { MaxSelect = 3 }.ToDbValue(new List<string> { "a", "é" }));
        Assert.Equal("[]", new FileField { MaxSelect = 3 }.ToDbValue(new List<string>()));
        Assert.Equal("b", new SelectField { MaxSelect = 1 }.ToDbValue("b"));
        Assert.Equal("""["a","b"]""", new SelectField { MaxSelect = 2 }.ToJson(new List<string> { "a", "b" })!.ToJsonString());
        Assert.Equal("\"b\"", new SelectField().ToJson("b")!.ToJsonString());
    }

    public static TheoryData<object?, string> DateInputs => new()
    {
        { null, "" },
        { "", "" },
        { "garbage", "" },
        { "2024-01-02 03:04:05.678Z", "2024-01-02 03:04:05.678Z" },
        { "2024-01-02 03:04:05Z", "2024-01-02 03:04:05.000Z" },
        { "2024-01-02T03:04:05Z", "2024-01-02 03:04:05.000Z" },
        { "2024-01-02T03:04:05.123456789Z", "2024-01-02 03:04:05.123Z" },
        { "2024-01-02T03:04:05+02:00", "2024-01-02 01:04:05.000Z" },
        { "2024-01-02 03:04:05 +0200", "2024-01-02 01:04:05.000Z" },
        { "2024-01-02T03:04:05", "2024-01-02 03:04:05.000Z" },
        { "2024-01-02", "2024-01-02 00:00:00.000Z" },
        { "Tue, 02 Jan 2024 03:04:05 GMT", "2024-01-02 03:04:05.000Z" },
        { "0001-01-01 00:00:00.000Z", "" },
        { 1700000000L, "2023-11-14 22:13:20.000Z" },
        { Json("\"2024-01-02T03:04:05Z\""), "2024-01-02 03:04:05.000Z" },
        { Json("1700000000"), "" },
    };

    [Theory]
    [MemberData(nameof(DateInputs))]
    public void Date_values_become_pocketbase_date_text(object? raw, string expected)
    {
        Assert.Equal(expected, new DateField().Normalize(raw));
        Assert.Equal(expected, new AutodateField().Normalize(raw));
    }

    [Fact]
    public void Clr_dates_are_converted_to_utc()
    {
        var local = new DateTimeOffset(2024, 3, 4, 10, 0, 0, TimeSpan.FromHours(-5));
        Assert.Equal("2024-03-04 15:00:00.000Z", new DateField().Normalize(local));
        Assert.Equal("2024-03-04 10:00:00.000Z", new DateField().Normalize(new DateTime(2024, 3, 4, 10, 0, 0, DateTimeKind.Utc)));
    }

    public static TheoryData<object?, string?> JsonInputs => new()
    {
        { null, null },
        { DBNull.Value, null },
        { "null", null },
        { "", "\"\"" },
        { "hello", "\"hello\"" },
        { "123", "123" },
        { "-1.5", "-1.5" },
        { "true", "true" },
        { "[1,\"a\"]", "[1,\"a\"]" },
        { "{\"a\":{\"b\":[]}}", "{\"a\":{\"b\":[]}}" },
        { "{\"a\":1,\"a\":2}", "{\"a\":2}" },
        { "[broken", "\"[broken\"" },
        { "123abc", "\"123abc\"" },
        { " {}", "\" {}\"" },
        { "\"quoted\"", "\"quoted\"" },
        { true, "true" },
        { 4.5d, "4.5" },
        { new List<string> { "x" }, "[\"x\"]" },
        { new Dictionary<string, object?> { ["k"] = 1 }, "{\"k\":1}" },
        { Json("{\"x\":[1,2]}"), "{\"x\":[1,2]}" },
        { Json("null"), null },
        { JsonNode.Parse("[true]"), "[true]" },
    };

    [Theory]
    [MemberData(nameof(JsonInputs))]
    public void Json_values_become_nodes(object? raw, string? expected)
    {
        var field = new JsonField();
        var value = field.Normalize(raw);
        Assert.Equal(expected, (value as JsonNode)?.ToJsonString());
        Assert.Equal(expected, field.ToDbValue(value));
        Assert.Equal(expected, field.ToJson(value)?.ToJsonString());
    }

    [Fact]
    public void Json_storage_text_keeps_non_ascii_characters()
    {
        var field = new JsonField();
        Assert.Equal("{\"name\":\"Zoë & <b>\"}", field.ToDbValue(field.Normalize("{\"name\":\"Zoë & <b>\"}")));
    }

    public static TheoryData<object?, double, double> GeoInputs => new()
    {
        { null, 0, 0 },
        { "", 0, 0 },
        { "{\"lon\":12.5,\"lat\":-7}", 12.5, -7 },
        { "{\"LON\":1,\"Lat\":2}", 1, 2 },
        { "{\"lon\":\"1\",\"lat\":3}", 0, 3 },
        { "not json", 0, 0 },
        { "[1,2]", 0, 0 },
        { Json("{\"lon\":-122.4,\"lat\":37.8}"), -122.4, 37.8 },
        { JsonNode.Parse("{\"lat\":5}"), 0, 5 },
        { new Dictionary<string, object?> { ["lon"] = 3L, ["lat"] = 4.5 }, 3, 4.5 },
        { new GeoPoint(8, 9), 8, 9 },
    };

    [Theory]
    [MemberData(nameof(GeoInputs))]
    public void Geo_points_are_read_from_objects_and_json_text(object? raw, double lon, double lat)
    {
        Assert.Equal(new GeoPoint(lon, lat), new GeoPointField().Normalize(raw));
    }

    [Fact]
    public void Geo_points_are_stored_and_serialised_as_lon_lat_objects()
    {
        var field = new GeoPointField();
        Assert.Equal("""{"lon":1.5,"lat":-2}""", field.ToDbValue(new GeoPoint(1.5, -2)));
        Assert.Equal("""{"lon":0,"lat":0}""", field.ToJson(field.ZeroValue)!.ToJsonString());
    }

    [Fact]
    public void Password_input_is_plain_text_and_a_stored_value_is_the_hash()
    {
        var field = new PasswordField();
        Assert.Equal(new PasswordValue(Plain: "secret123"), field.Normalize("secret123"));
        Assert.Equal(new PasswordValue(Plain: "123"), field.Normalize(Json("123")));
        Assert.Equal(new PasswordValue(), field.Normalize(null));
        Assert.Equal(new PasswordValue(Hash: "$2a$10$abc"), field.FromDb("$2a$10$abc"));
        Assert.Equal("$2a$10$abc", field.ToDbValue(new PasswordValue("$2a$10$abc", "plain")));
        Assert.Null(field.ToJson(new PasswordValue("$2a$10$abc", "plain")));
        Assert.Equal("", new PasswordValue("h", "p").ToString());
    }

    [Fact]
    public void From_db_defaults_to_normalize()
    {
        Assert.Equal(new List<string> { "a", "b" }, new RelationField { MaxSelect = 2 }.FromDb("[\"a\",\"b\"]"));
        Assert.Equal(3d, new NumberField().FromDb(3L));
        Assert.Equal(true, new BoolField().FromDb(1L));
    }

    [Fact]
    public void Number_json_is_a_number_and_non_finite_numbers_have_none()
    {
        Assert.Equal("5", new NumberField().ToJson(5d)!.ToJsonString());
        Assert.Equal("0.25", new NumberField().ToJson(0.25d)!.ToJsonString());
        Assert.Null(new NumberField().ToJson(double.NaN));
    }

    [Fact]
    public void Multi_value_modifiers_append_prepend_and_subtract()
    {
        var current = new List<string> { "a", "b" };
        Assert.Equal(new List<string> { "a", "b", "c" }, MultiValue.Append(current, "[\"b\",\"c\"]", multiple: true));
        Assert.Equal(new List<string> { "c", "a", "b" }, MultiValue.Prepend(current, "c", multiple: true));
        Assert.Equal(new List<string> { "b" }, MultiValue.Subtract(current, new[] { "a", "x" }, multiple: true));
        Assert.Equal("c", MultiValue.Append("a", "c", multiple: false));
        Assert.Equal("", MultiValue.Subtract("a", "a", multiple: false));
    }
}
