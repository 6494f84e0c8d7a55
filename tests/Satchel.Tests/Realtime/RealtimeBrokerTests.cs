using Satchel.Realtime;

namespace Satchel.Tests.Realtime;

public class RealtimeBrokerTests
{
    [Fact]
    public void Registered_clients_are_found_and_listed()
    {
        var broker = new RealtimeBroker();
        var a = new RealtimeClient();
        var b = new RealtimeClient();
        broker.Register(a);
        broker.Register(b);

        Assert.Equal(2, broker.TotalClients);
        Assert.Same(a, broker.ClientById(a.Id));
        Assert.Null(broker.ClientById("missing"));
        Assert.Equal(new[] { a.Id, b.Id }.Order(), broker.Clients.Keys.Order());
        Assert.Equal(2, broker.ClientList.Count);
    }

    [Fact]
    public void Unregister_removes_and_discards_the_client()
    {
        var broker = new RealtimeBroker();
        var a = new RealtimeClient();
        broker.Register(a);
        broker.Unregister(a.Id);
        broker.Unregister("missing");

        Assert.Equal(0, broker.TotalClients);
        Assert.True(a.IsDiscarded);
        Assert.Empty(broker.ClientList);
    }

    [Fact]
    public void SendToSubscribers_reaches_exact_subscribers_only()
    {
        var broker = new RealtimeBroker();
        var subscribed = new RealtimeClient();
        subscribed.Subscribe("example");
        var other = new RealtimeClient();
        other.Subscribe("example/sub", "demo1/*");
        broker.Register(subscribed);
        broker.Register(other);

        var sent = broker.SendToSubscribers(new RealtimeMessage("example", "{\"a\":1}"));

        Assert.Equal(1, sent);
        Assert.True(subscribed.Messages.TryRead(out var message));
        Assert.Equal("{\"a\":1}", message!.Data);
        Assert.False(other.Messages.TryRead(out _));
    }

    [Fact]
    public void The_revision_moves_with_every_change_to_the_clients_their_subscriptions_and_auth()
    {
        var broker = new RealtimeBroker();
        var client = new RealtimeClient();
        var seen = new List<long> { broker.Revision };
        void Moved() { Assert.NotEqual(seen[^1], broker.Revision); seen.Add(broker.Revision); }

        broker.Register(client); Moved();
        client.Subscribe("demo1/*"); Moved();
        client.Unsubscribe("demo1/*"); Moved();
        client.Auth = new Satchel.Models.Record(new Satchel.Models.Collection { Name = "users", Type = Satchel.Models.CollectionType.Auth }); Moved();
        client.Set(RealtimeClient.AuthKey, null); Moved();
        client.Set("other", 1);
        Assert.Equal(seen[^1], broker.Revision); // other store keys don't matter
        broker.Unregister(client.Id); Moved();

        client.Subscribe("demo2/*"); // no longer registered
        Assert.Equal(seen[^1], broker.Revision);
    }
}
