using System.Text.Json.Nodes;
using Satchel.Plugins.RealtimeSse;
using Satchel.Tests.Auth;

namespace Satchel.Tests.Realtime;

/// <summary>POST /api/realtime: validation, client lookup, auth binding and the subscribe hook (PocketBase's scenarios).</summary>
public class RealtimeSubscribeTests : RealtimeTestServer
{
    [Fact]
    public async Task An_empty_body_requires_the_client_id()
    {
        var (status, body) = await Server.SendAsync(HttpMethod.Post, "/api/realtime", json: "{}");
        Assert.Equal(400, status);
        Assert.Equal("validation_required", body!["data"]!["clientId"]!["code"]!.GetValue<string>());
        Assert.Null(body["data"]!["subscriptions"]);
    }

    [Fact]
    public async Task A_client_id_of_the_wrong_type_is_a_bad_request()
    {
        var (status, body) = await Server.SendAsync(HttpMethod.Post, "/api/realtime", json: "{\"clientId\":123}");
        Assert.Equal(400, status);
        Assert.Empty(body!["data"]!.AsObject());
    }

    [Fact]
    public async Task An_unknown_client_is_not_found()
    {
        var (status, body) = await Server.SendAsync(HttpMethod.Post, "/api/realtime", json: new { clientId = "missing", subscriptions = new[] { "a" } });
        Assert.Equal(404, status);
        Assert.Equal("Missing or invalid client id.", body!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Up_to_1000_subscriptions_replace_the_previous_ones()
    {
        var client = await ConnectAsync();
        Assert.Equal(204, (await client.SubscribeAsync(null, "test0")).Status);

        var topics = Enumerable.Range(0, 1000).Select(i => i.ToString()).ToArray();
        Assert.Equal(204, (await client.SubscribeAsync(null, topics)).Status);

        var registered = Broker.ClientById(client.ClientId)!;
        Assert.Equal(1000, registered.Subscriptions.Count);
        Assert.False(registered.HasSubscription("test0"));
    }

    [Fact]
    public async Task More_than_1000_subscriptions_are_refused()
    {
        var client = await ConnectAsync();
        var (status, body) = await client.SubscribeAsync(null, Enumerable.Range(0, 1001).Select(i => i.ToString()).ToArray());
        Assert.Equal(400, status);
        Assert.Contains("\"subscriptions\":{\"code\":\"validation_length_too_long\"", body);
    }

    [Fact]
    public async Task A_topic_longer_than_2500_characters_is_refused_by_its_index()
    {
        var client = await ConnectAsync();
        Assert.Equal(204, (await client.SubscribeAsync(null, "abc", new string('a', 2500))).Status);
        var (status, body) = await client.SubscribeAsync(null, "abc", new string('a', 2501));
        Assert.Equal(400, status);
        Assert.Contains("\"subscriptions\":{\"1\":{\"code\":\"validation_length_too_long\"", body);
    }

    [Fact]
    public async Task Empty_subscriptions_unsubscribe_from_everything()
    {
        var client = await SubscribedAsync(null, "a", "b");
        Assert.Equal(204, (await client.SubscribeAsync(null)).Status);
        Assert.Empty(Broker.ClientById(client.ClientId)!.Subscriptions);
    }

    [Fact]
    public async Task A_guest_client_signs_in_with_its_first_authorized_subscription()
    {
        var client = await SubscribedAsync(null, "a");
        Assert.Null(Broker.ClientById(client.ClientId)!.Auth);

        Assert.Equal(204, (await client.SubscribeAsync(Superuser, "a")).Status);
        var auth = Broker.ClientById(client.ClientId)!.Auth;
        Assert.NotNull(auth);
        Assert.True(auth!.Collection.IsSuperusers);
    }

    [Fact]
    public async Task The_same_auth_may_subscribe_again()
    {
        var client = await SubscribedAsync(User, "a");
        Assert.Equal(204, (await client.SubscribeAsync(User, "b")).Status);
        Assert.Equal(UserId, Broker.ClientById(client.ClientId)!.Auth!.Id);
    }

    [Theory]
    [InlineData(FixtureAuth.ClientToken)]
    [InlineData(null)]
    public async Task Another_auth_or_a_guest_cannot_take_over_an_authenticated_client(string? token)
    {
        var client = await SubscribedAsync(User, "a");
        var (status, body) = await client.SubscribeAsync(token, "b");
        Assert.Equal(403, status);
        Assert.Contains("The current and the previous request authorization don't match.", body);
        Assert.Contains("\"data\":{}", body);
        Assert.True(Broker.ClientById(client.ClientId)!.HasSubscription("a"));
        Assert.Equal(UserId, Broker.ClientById(client.ClientId)!.Auth!.Id);
    }

    [Fact]
    public async Task Subscriptions_from_another_ip_than_the_stream_are_refused()
    {
        var client = await ConnectAsync();
        Broker.ClientById(client.ClientId)!.Set(ClientIp.StoreKey, "10.1.2.3");
        var (status, body) = await client.SubscribeAsync(null, "a");
        Assert.Equal(400, status);
        Assert.Contains("Invalid realtime client.", body);
    }

    [Fact]
    public async Task The_subscribe_hook_can_change_the_subscriptions()
    {
        Server.App.Hooks.OnRealtimeSubscribeRequest.Bind(e =>
        {
            e.Subscriptions.RemoveAll(s => s.StartsWith("secret"));
            e.Next();
        });
        var client = await SubscribedAsync(null, "public", "secret/*");
        var registered = Broker.ClientById(client.ClientId)!;
        Assert.True(registered.HasSubscription("public"));
        Assert.False(registered.HasSubscription("secret/*"));
    }

    [Fact]
    public async Task A_multipart_form_is_accepted()
    {
        var client = await ConnectAsync();
        using var form = new MultipartFormDataContent
        {
            { new StringContent(client.ClientId), "clientId" },
            { new StringContent("a"), "subscriptions" },
            { new StringContent("b"), "subscriptions" },
        };
        using var response = await Server.Client.PostAsync("/api/realtime", form);
        Assert.Equal(204, (int)response.StatusCode);
        Assert.Equal(new[] { "a", "b" }, Broker.ClientById(client.ClientId)!.Subscriptions.Order());
    }
}
