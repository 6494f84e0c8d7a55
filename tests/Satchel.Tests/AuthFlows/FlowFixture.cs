namespace Satchel.Tests.AuthFlows;

/// <summary>One <see cref="FlowServer"/> (fresh data, every plugin on) shared by the tests of a class; each test uses its own accounts.</summary>
public sealed class FlowFixture : IAsyncLifetime
{
    private static int _next;

    public FlowServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await FlowServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>An address no other test uses.</summary>
    public static string NewEmail(string prefix = "user") => $"{prefix}-{Interlocked.Increment(ref _next)}-{Guid.NewGuid().ToString("N")[..8]}@example.com";
}
