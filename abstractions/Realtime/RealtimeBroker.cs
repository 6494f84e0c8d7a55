namespace Satchel.Realtime;

/// <summary>
/// The in-process <see cref="IRealtimeBroker"/>. Registrations are rare next to broadcasts, so
/// each one rebuilds an immutable array that every broadcast reads without locking.
/// </summary>
public sealed class RealtimeBroker : IRealtimeBroker
{
    private readonly object _gate = new();
    private readonly Dictionary<string, IRealtimeClient> _byId = new(StringComparer.Ordinal);
    private IRealtimeClient[] _list = Array.Empty<IRealtimeClient>();

    public IReadOnlyDictionary<string, IRealtimeClient> Clients
    {
        get { lock (_gate) return new Dictionary<string, IRealtimeClient>(_byId, StringComparer.Ordinal); }
    }

    public IReadOnlyList<IRealtimeClient> ClientList => Volatile.Read(ref _list);

    public int TotalClients => Volatile.Read(ref _list).Length;

    public IRealtimeClient? ClientById(string id)
    {
        lock (_gate) return _byId.TryGetValue(id, out var c) ? c : null;
    }

    public void Register(IRealtimeClient client)
    {
        lock (_gate)
        {
            _byId[client.Id] = client;
            Volatile.Write(ref _list, _byId.Values.ToArray());
        }
    }

    public void Unregister(string id)
    {
        IRealtimeClient? removed;
        lock (_gate)
        {
            if (!_byId.Remove(id, out removed)) return;
            Volatile.Write(ref _list, _byId.Values.ToArray());
        }
        removed.Discard();
    }

    public int SendToSubscribers(RealtimeMessage message)
    {
        var sent = 0;
        foreach (var client in ClientList)
        {
            if (!client.HasSubscription(message.Name)) continue;
            client.Send(message);
            sent++;
        }
        return sent;
    }
}
