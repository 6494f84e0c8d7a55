using System.Text.Json.Nodes;

namespace Satchel.Tests.Realtime;

/// <summary>A connected client's auth follows its auth record: deleted, password changed, secret rotated or simply updated.</summary>
public class ClientAuthSyncTests : RealtimeTestServer
{
    private async Task<(string Id, string Token)> NewUserAsync(string email)
    {
        var created = await CreateAsync("users", new { email, password = "1234567890", passwordConfirm = "1234567890", name = "before" });
        return (created["id"]!.GetValue<string>(), Server.TokenFor("users", email));
    }

    private async Task<string> SignedInClientAsync(string token)
    {
        var client = await SubscribedAsync(token, "demo2/*");
        Assert.NotNull(Broker.ClientById(client.ClientId)!.Auth);
        return client.ClientId;
    }

    [Fact]
    public async Task Deleting_the_auth_record_turns_its_clients_into_guests()
    {
        var (id, token) = await NewUserAsync("rt-delete@example.com");
        var first = await SignedInClientAsync(token);
        var second = await SignedInClientAsync(token);
        var other = await SignedInClientAsync(User);

        await DeleteAsync("users", id);

        Assert.Null(Broker.ClientById(first)!.Auth);
        Assert.Null(Broker.ClientById(second)!.Auth);
        Assert.Equal(UserId, Broker.ClientById(other)!.Auth!.Id);
    }

    [Fact]
    public async Task A_password_change_turns_its_clients_into_guests()
    {
        var (id, token) = await NewUserAsync("rt-password@example.com");
        var client = await SignedInClientAsync(token);

        await UpdateAsync("users", id, new { password = "0987654321", passwordConfirm = "0987654321" });

        Assert.Null(Broker.ClientById(client)!.Auth);
    }

    [Fact]
    public async Task Any_other_update_refreshes_the_auth_record_the_client_holds()
    {
        var (id, token) = await NewUserAsync("rt-update@example.com");
        var client = await SignedInClientAsync(token);

        await UpdateAsync("users", id, new { name = "after" });

        var auth = Broker.ClientById(client)!.Auth;
        Assert.Equal(id, auth!.Id);
        Assert.Equal("after", auth.GetString("name"));
    }

    [Fact]
    public async Task Rotating_the_collection_token_secret_signs_its_clients_out()
    {
        var user = await SignedInClientAsync(User);
        var client = await SignedInClientAsync(ClientAuth);

        await SendAsync(HttpMethod.Patch, "/api/collections/users",
            new JsonObject { ["authToken"] = new JsonObject { ["secret"] = new string('a', 50) } }.ToJsonString());

        Assert.Null(Broker.ClientById(user)!.Auth);
        Assert.NotNull(Broker.ClientById(client)!.Auth);
    }

    [Fact]
    public async Task A_signed_out_client_may_sign_in_again()
    {
        var (id, token) = await NewUserAsync("rt-again@example.com");
        var client = await SubscribedAsync(token, "demo2/*");
        await UpdateAsync("users", id, new { password = "0987654321", passwordConfirm = "0987654321" });
        Assert.Null(Broker.ClientById(client.ClientId)!.Auth);

        var fresh = Server.TokenFor("users", "rt-again@example.com");
        Assert.Equal(204, (await client.SubscribeAsync(fresh, "demo2/*")).Status);
        Assert.Equal(id, Broker.ClientById(client.ClientId)!.Auth!.Id);
    }
}
