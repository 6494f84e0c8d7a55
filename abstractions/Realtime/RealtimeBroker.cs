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
    private long _revision;

    public IReadOnlyDictionary<string, IRealtimeClient> Clients
    {
        get { lock (_gate) return new Dictionary<string, IRealtimeClient>(_byId, StringComparer.Ordinal); }
    }

    public IReadOnlyList<IRealtimeClient> ClientList => Volatile.Read(ref _list);

    public int TotalClients => Volatile.Read(ref _list).Length;

    public long Revision => Interlocked.Read(ref _revision);

    public IRealtimeClient? ClientById(string id)
    {
        lock (_gate) return _byId.TryGetValue(id, out var c) ? c : null;
    }

    public void Register(IRealtimeClient client)
    {
        lock (_gate)
        {
            if (_byId.TryGetValue(client.Id, out var replaced)) replaced.Changed -= OnClientChanged;
            _byId[client.Id] = client;
            client.Changed += OnClientChanged;
            Volatile.Write(ref _list, _byId.Values.ToArray());
            Interlocked.Increment(ref _revision);
        }
    }

    private void OnClientChanged(IRealtimeClient client) => Interlocked.Increment(ref _revision);

    public void Unregister(string id)
    {
        IRealtimeClient? removed;
        lock (_gate)
        {
            if (!_byId.Remove(id, out removed)) return;
            removed.Changed -= OnClientChanged;
            Volatile.Write(ref _list, _byId.Values.ToArray());
            Interlocked.Increment(ref _revision);
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
