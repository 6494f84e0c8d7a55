using Satchel.Plugins.RealtimeSse;
using Satchel.Realtime;

namespace Satchel.Tests.Realtime;

public class SseFrameTests
{
    [Fact]
    public void A_message_is_written_with_the_client_id_event_name_and_data()
        => Assert.Equal("id:abc\nevent:demo1/*\ndata:{\"a\":1}\n\n", SseFrame.ToText("abc", new RealtimeMessage("demo1/*", "{\"a\":1}")));

    [Fact]
    public void Multi_line_data_becomes_several_data_lines()
        => Assert.Equal("id:abc\nevent:t\ndata:one\ndata:two\ndata:three\n\n", SseFrame.ToText("abc", new RealtimeMessage("t", "one\r\ntwo\nthree")));

    [Fact]
    public void A_line_break_in_the_name_cannot_inject_fields()
        => Assert.Equal("id:abc\nevent:tdata:x\ndata:1\n\n", SseFrame.ToText("abc", new RealtimeMessage("t\ndata:x", "1")));

    [Fact]
    public void Copies_for_other_subscriptions_share_the_encoded_data_until_one_is_changed()
    {
        var template = new RealtimeMessage("", "{\"é\":1}");
        var a = template.WithName("a");
        var b = template.WithName("b");
        Assert.Equal("id:x\nevent:a\ndata:{\"é\":1}\n\n", SseFrame.ToText("x", a));
        Assert.True(a.Utf8Data.Span == b.Utf8Data.Span); // the same bytes, not just equal ones

        // a hook changing one client's copy changes only that copy
        b.Data = "{\"b\":2}";
        Assert.Equal("id:x\nevent:b\ndata:{\"b\":2}\n\n", SseFrame.ToText("x", b));
        Assert.Equal("id:x\nevent:a\ndata:{\"é\":1}\n\n", SseFrame.ToText("x", a));
    }

    [Theory]
    [InlineData(1, 20)]
    [InlineData(400, 20)]
    [InlineData(2000, 100)]
    [InlineData(10_000, 500)]
    public void Busy_streams_flush_every_20_ms_or_slower_with_many_clients(int clients, int expectedMs)
        => Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), ConnectEndpoint.FlushInterval(clients));
}
