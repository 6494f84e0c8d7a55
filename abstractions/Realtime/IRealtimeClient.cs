namespace Satchel.Realtime;

/// <summary>One connected realtime (SSE) client as hooks see it.</summary>
public interface IRealtimeClient
{
    /// <summary>The clientId sent in the PB_CONNECT message.</summary>
    string Id { get; }

    /// <summary>The topics the client is subscribed to (as submitted, including any options query).</summary>
    IReadOnlyCollection<string> Subscriptions { get; }

    bool HasSubscription(string topic);

    /// <summary>Queues a message for the client.</summary>
    void Send(RealtimeMessage message);
}
