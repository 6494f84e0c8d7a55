using Satchel.Realtime;

namespace Satchel.Tests.Realtime;

public class SubscriptionOptionsTests
{
    [Fact]
    public void A_plain_topic_has_no_options()
    {
        var (topic, options) = RealtimeSubscriptionOptions.Parse("demo1/*");
        Assert.Equal("demo1/*", topic);
        Assert.Empty(options.Query);
        Assert.Empty(options.Headers);
    }

    [Fact]
    public void Options_json_is_read_from_the_query_with_string_values_and_snake_cased_headers()
    {
        var sub = SseTestClient.WithOptions("demo1/abc",
            new() { ["expand"] = "rel", ["n"] = 12, ["b"] = true, ["nil"] = null },
            new() { ["X-Token"] = "t1", ["someHeader"] = "t2" });

        var (topic, options) = RealtimeSubscriptionOptions.Parse(sub);

        Assert.Equal("demo1/abc", topic);
        Assert.Equal("rel", options.Query["expand"]);
        Assert.Equal("12", options.Query["n"]);
        Assert.Equal("true", options.Query["b"]);
        Assert.Equal("", options.Query["nil"]);
        Assert.Equal("t1", options.Headers["x_token"]);
        Assert.Equal("t2", options.Headers["some_header"]);
    }

    [Fact]
    public void Invalid_options_json_is_ignored()
    {
        var (topic, options) = RealtimeSubscriptionOptions.Parse("demo1?options=" + Uri.EscapeDataString("{not json"));
        Assert.Equal("demo1", topic);
        Assert.Empty(options.Query);
    }

    [Theory]
    [InlineData("X-Token", "x_token")]
    [InlineData("someHeaderName", "some_header_name")]
    [InlineData("ABC", "abc")]
    [InlineData("a--b__c", "a_b_c")]
    public void Header_names_follow_PocketBase_snake_case(string name, string expected)
        => Assert.Equal(expected, RealtimeSubscriptionOptions.Snakecase(name));

    [Fact]
    public void Equal_options_share_a_key_regardless_of_order()
    {
        var a = RealtimeSubscriptionOptions.Parse(SseTestClient.WithOptions("t", new() { ["a"] = "1", ["b"] = "2" })).Options;
        var b = RealtimeSubscriptionOptions.Parse(SseTestClient.WithOptions("t", new() { ["b"] = "2", ["a"] = "1" })).Options;
        var c = RealtimeSubscriptionOptions.Parse(SseTestClient.WithOptions("t", new() { ["a"] = "1" }, new() { ["b"] = "2" })).Options;
        Assert.Equal(a.Key, b.Key);
        Assert.NotEqual(a.Key, c.Key);
    }
}
