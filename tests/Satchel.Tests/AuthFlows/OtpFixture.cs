namespace Satchel.Tests.AuthFlows;

/// <summary>A <see cref="FlowServer"/> whose "users" collection has OTP sign-in on (6-digit codes valid for 5 minutes).</summary>
public sealed class OtpFixture : IAsyncLifetime
{
    public FlowServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FlowServer.StartAsync();
        await Server.PatchCollectionAsync("users", new { otp = new { enabled = true, length = 6, duration = 300 } });
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
