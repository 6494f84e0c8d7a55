using Satchel.Realtime;

namespace Satchel.Tests.Realtime;

public class RealtimeClientTests
{
    [Fact]
    public void Ids_are_40_random_alphanumerics()
    {
        var a = new RealtimeClient();
        var b = new RealtimeClient();
        Assert.Matches("^[A-Za-z0-9]{40}$", a.Id);
        Assert.NotEqual(a.Id, b.Id);
    }

    [Fact]
    public void Subscriptions_are_kept_as_submitted_and_found_by_topic()
    {
        var client = new RealtimeClient();
        var withOptions = SseTestClient.WithOptions("demo1/*", new() { ["expand"] = "rel" });
        client.Subscribe("demo1/*", withOptions, "", "demo2/abc");

        Assert.Equal(3, client.Subscriptions.Count);
        Assert.True(client.HasSubscription(withOptions));
        Assert.False(client.HasSubscription("demo1"));
        var toDemo1 = client.SubscriptionsTo("demo1/*");
        Assert.Equal(2, toDemo1.Count);
        Assert.Equal("rel", toDemo1[withOptions].Query["expand"]);
        Assert.Empty(client.SubscriptionsTo("demo2/*"));
    }

    [Fact]
    public void Unsubscribe_removes_the_given_ones_or_all()
    {
        var client = new RealtimeClient();
        client.Subscribe("a", "b", "c");
        client.Unsubscribe("b");
        Assert.Equal(new[] { "a", "c" }, client.Subscriptions.Order());
        client.Unsubscribe();
        Assert.Empty(client.Subscriptions);
        Assert.Empty(client.SubscriptionsTo("a"));
    }

    [Fact]
    public void Messages_are_queued_in_order()
    {
        var client = new RealtimeClient();
        client.Send(new RealtimeMessage("t", "1"));
        client.Send(new RealtimeMessage("t", "2"));
        Assert.True(client.Messages.TryRead(out var first));
        Assert.True(client.Messages.TryRead(out var second));
        Assert.Equal("1", first!.Data);
        Assert.Equal("2", second!.Data);
    }

    [Fact]
    public void A_client_whose_queue_overflows_is_discarded_instead_of_blocking_the_sender()
    {
        var client = new RealtimeClient(queueCapacity: 3);
        for (var i = 0; i < 3; i++) client.Send(new RealtimeMessage("t", i.ToString()));
        Assert.False(client.IsDiscarded);

        client.Send(new RealtimeMessage("t", "overflow"));

        Assert.True(client.IsDiscarded);
        Assert.True(client.Discarded.IsCancellationRequested);
        client.Send(new RealtimeMessage("t", "ignored"));
        var read = 0;
        while (client.Messages.TryRead(out _)) read++;
        Assert.Equal(3, read);
        Assert.True(client.Messages.Completion.IsCompleted);
    }

    [Fact]
    public void The_store_keeps_values_and_auth()
    {
        var client = new RealtimeClient();
        client.Set("k", 1);
        Assert.Equal(1, client.Get("k"));
        client.Unset("k");
        Assert.Null(client.Get("k"));
        Assert.Null(client.Auth);
    }
}
