using System.Threading.Channels;
using Satchel.Models;

namespace Satchel.Realtime;

/// <summary>
/// One connected realtime client: its subscriptions, its auth state, a small key/value store for
/// hooks and plugins, and the queue of messages waiting to be written to it.
/// </summary>
public interface IRealtimeClient
{
    /// <summary>The clientId sent in the PB_CONNECT message.</summary>
    string Id { get; }

    /// <summary>The auth record the client subscribed with; null for a guest (PocketBase's <c>client.get("auth")</c>).</summary>
    Record? Auth { get; set; }

    /// <summary>The subscriptions as submitted, each possibly with an <c>?options=…</c> query.</summary>
    IReadOnlyCollection<string> Subscriptions { get; }

    /// <summary>
    /// The subscriptions to <paramref name="topic"/> (the part before any "?") with their parsed
    /// options, keyed by the subscription as submitted.
    /// </summary>
    IReadOnlyDictionary<string, RealtimeSubscriptionOptions> SubscriptionsTo(string topic);

    /// <summary>True when the client holds exactly this subscription (options query included).</summary>
    bool HasSubscription(string subscription);

    /// <summary>Adds subscriptions (empty strings are ignored).</summary>
    void Subscribe(params string[] subscriptions);

    /// <summary>Removes these subscriptions, or every subscription when none is given.</summary>
    void Unsubscribe(params string[] subscriptions);

    object? Get(string key);
    void Set(string key, object? value);
    void Unset(string key);

    /// <summary>Raised after the subscriptions or the auth record (the "auth" store key) changed.</summary>
    event Action<IRealtimeClient>? Changed;

    /// <summary>True once the client was disconnected or dropped; messages sent to it are ignored.</summary>
    bool IsDiscarded { get; }

    /// <summary>Stops the client: its queue is closed and its connection ends. Safe to call more than once.</summary>
    void Discard();

    /// <summary>Cancelled when the client is discarded, so a transport can abandon a write that is stuck on a dead peer.</summary>
    CancellationToken Discarded { get; }

    /// <summary>The queued messages in the order they were sent; the transport writes them out. Completes once discarded.</summary>
    ChannelReader<RealtimeMessage> Messages { get; }

    /// <summary>
    /// Queues a message without waiting. A client whose queue is full is too slow to keep up and is
    /// discarded instead, so one slow connection never holds up the others.
    /// </summary>
    void Send(RealtimeMessage message);
}
