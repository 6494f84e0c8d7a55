using Satchel.Realtime;

namespace Satchel.Tests.Realtime;

/// <summary>Messages on custom topics sent through the broker, as other plugins and hooks do.</summary>
public class CustomTopicTests : RealtimeTestServer
{
    [Fact]
    public async Task The_broker_reaches_the_subscribers_of_a_custom_topic()
    {
        var subscriber = await SubscribedAsync(null, "example");
        var other = await SubscribedAsync(null, "demo2/*");

        var sent = Broker.SendToSubscribers(new RealtimeMessage("example", "{\"hello\":\"world\"}"));

        Assert.Equal(1, sent);
        var e = await subscriber.NextAsync();
        Assert.Equal("example", e.Name);
        Assert.Equal("world", e.Json!["hello"]!.GetValue<string>());
        Assert.Equal(subscriber.ClientId, e.Id);
        await other.ExpectNothingAsync();
    }

    [Fact]
    public async Task Clients_can_be_addressed_one_by_one_by_their_auth()
    {
        var user = await SubscribedAsync(User, "notice");
        var guest = await SubscribedAsync(null, "notice");

        foreach (var client in Broker.Clients.Values)
        {
            if (client.Auth?.Id == UserId && client.HasSubscription("notice")) client.Send(new RealtimeMessage("notice", "\"just for you\""));
        }

        Assert.Equal("\"just for you\"", (await user.NextAsync()).Data);
        await guest.ExpectNothingAsync();
    }

    [Fact]
    public async Task A_hook_can_message_a_client_as_it_subscribes()
    {
        Server.App.Hooks.OnRealtimeSubscribeRequest.Bind(e =>
        {
            e.Next();
            e.Client.Send(new RealtimeMessage("welcome", "{}"));
        });
        var client = await SubscribedAsync(null, "welcome");
        Assert.Equal("welcome", (await client.NextAsync()).Name);
    }
}
