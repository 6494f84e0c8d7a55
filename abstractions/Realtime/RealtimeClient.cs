using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Threading.Channels;
using Satchel.Models;

namespace Satchel.Realtime;

/// <summary>
/// The standard realtime client: subscriptions, auth, a key/value store and a bounded message
/// queue that the transport (e.g. the SSE endpoint) drains through <see cref="Messages"/>.
/// Safe to use from any thread: subscriptions are swapped as immutable snapshots, so the
/// broadcasters read them without locking.
/// </summary>
public sealed class RealtimeClient : IRealtimeClient
{
    /// <summary>How many messages may wait for a client before it counts as too slow and is dropped.</summary>
    public const int DefaultQueueCapacity = 1000;

    private const string IdAlphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private sealed record Snapshot(
        Dictionary<string, RealtimeSubscriptionOptions> All,
        Dictionary<string, Dictionary<string, RealtimeSubscriptionOptions>> ByTopic);

    private static readonly IReadOnlyDictionary<string, RealtimeSubscriptionOptions> NoSubscriptions = new Dictionary<string, RealtimeSubscriptionOptions>();

    private readonly Channel<RealtimeMessage> _queue;
    private readonly ConcurrentDictionary<string, object?> _store = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private Snapshot _subs = new(new(StringComparer.Ordinal), new(StringComparer.Ordinal));
    private readonly CancellationTokenSource _discard = new();
    private volatile bool _discarded;

    public RealtimeClient(string? id = null, int queueCapacity = DefaultQueueCapacity)
    {
        Id = id ?? RandomNumberGenerator.GetString(IdAlphabet, 40);
        _queue = Channel.CreateBounded<RealtimeMessage>(new BoundedChannelOptions(queueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite fails when full instead of dropping silently
        });
    }

    public string Id { get; }

    public ChannelReader<RealtimeMessage> Messages => _queue.Reader;

    /// <summary>Store key of the auth record (PocketBase's <c>client.get("auth")</c>).</summary>
    public const string AuthKey = "auth";

    public Record? Auth
    {
        get => Get(AuthKey) as Record;
        set { if (value == null) Unset(AuthKey); else Set(AuthKey, value); }
    }

    public IReadOnlyCollection<string> Subscriptions => Volatile.Read(ref _subs).All.Keys;

    public IReadOnlyDictionary<string, RealtimeSubscriptionOptions> SubscriptionsTo(string topic)
        => Volatile.Read(ref _subs).ByTopic.TryGetValue(topic, out var subs) ? subs : NoSubscriptions;

    public bool HasSubscription(string subscription) => Volatile.Read(ref _subs).All.ContainsKey(subscription);

    public void Subscribe(params string[] subscriptions)
    {
        lock (_gate)
        {
            var all = new Dictionary<string, RealtimeSubscriptionOptions>(_subs.All, StringComparer.Ordinal);
            foreach (var s in subscriptions)
            {
                if (string.IsNullOrEmpty(s)) continue;
                all[s] = RealtimeSubscriptionOptions.Parse(s).Options;
            }
            Publish(all);
        }
    }

    public void Unsubscribe(params string[] subscriptions)
    {
        lock (_gate)
        {
            var all = new Dictionary<string, RealtimeSubscriptionOptions>(StringComparer.Ordinal);
            if (subscriptions.Length > 0)
            {
                foreach (var (k, v) in _subs.All) all[k] = v;
                foreach (var s in subscriptions) all.Remove(s);
            }
            Publish(all);
        }
    }

    private void Publish(Dictionary<string, RealtimeSubscriptionOptions> all)
    {
        var byTopic = new Dictionary<string, Dictionary<string, RealtimeSubscriptionOptions>>(StringComparer.Ordinal);
        foreach (var (sub, options) in all)
        {
            var topic = RealtimeSubscriptionOptions.TopicOf(sub);
            if (!byTopic.TryGetValue(topic, out var group)) byTopic[topic] = group = new(StringComparer.Ordinal);
            group[sub] = options;
        }
        Volatile.Write(ref _subs, new Snapshot(all, byTopic));
        Changed?.Invoke(this);
    }

    public event Action<IRealtimeClient>? Changed;

    public object? Get(string key) => _store.TryGetValue(key, out var v) ? v : null;

    public void Set(string key, object? value)
    {
        _store[key] = value;
        if (key == AuthKey) Changed?.Invoke(this);
    }

    public void Unset(string key)
    {
        if (_store.TryRemove(key, out _) && key == AuthKey) Changed?.Invoke(this);
    }

    public bool IsDiscarded => _discarded;

    public CancellationToken Discarded => _discard.Token;

    public void Discard()
    {
        lock (_gate)
        {
            if (_discarded) return;
            _discarded = true;
        }
        _queue.Writer.TryComplete();
        _discard.Cancel();
    }

    public void Send(RealtimeMessage message)
    {
        if (_discarded) return;
        if (!_queue.Writer.TryWrite(message)) Discard();
    }
}
