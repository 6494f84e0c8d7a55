namespace Satchel.Realtime;

/// <summary>
/// The registry of connected realtime clients (PocketBase's subscriptions broker). Plugins and
/// hooks use it to send custom-topic messages:
/// <code>
/// foreach (var client in broker.Clients.Values)
///     if (client.HasSubscription("example")) client.Send(new RealtimeMessage("example", json));
/// </code>
/// </summary>
public interface IRealtimeBroker
{
    /// <summary>A snapshot of the registered clients by id.</summary>
    IReadOnlyDictionary<string, IRealtimeClient> Clients { get; }

    /// <summary>The registered clients as an array that is only rebuilt when a client comes or goes (cheap to read per event).</summary>
    IReadOnlyList<IRealtimeClient> ClientList { get; }

    int TotalClients { get; }

    /// <summary>Moves whenever a client comes or goes or a registered client's subscriptions or auth change, so indexes over the clients know when to rebuild.</summary>
    long Revision { get; }

    /// <summary>The registered client with this id, or null.</summary>
    IRealtimeClient? ClientById(string id);

    /// <summary>Adds a client (replacing one with the same id).</summary>
    void Register(IRealtimeClient client);

    /// <summary>Discards and removes the client with this id; unknown ids are ignored.</summary>
    void Unregister(string id);

    /// <summary>Sends the message to every client subscribed to exactly <see cref="RealtimeMessage.Name"/>; returns how many.</summary>
    int SendToSubscribers(RealtimeMessage message);
}
