using Microsoft.AspNetCore.Http;
using Satchel.Models;
using Satchel.Realtime;

namespace Satchel.Plugins.RealtimeSse;

/// <summary>
/// The registered clients' subscriptions by topic, grouped by who is asking (auth record and
/// subscription options; each client alone when enrich hooks may tailor records to a connection).
/// Built from the broker's clients and rebuilt only when <see cref="IRealtimeBroker.Revision"/>
/// moves, so announcing a change costs one lookup per topic and one rule check per group rather
/// than a walk over every client.
/// </summary>
internal sealed class SubscriberIndex
{
    /// <summary>Subscribers that see a record alike: the same auth, the same options.</summary>
    public readonly record struct GroupKey(string? AuthCollection, string? AuthId, string? ClientId, string Options);

    public sealed class Group(GroupKey key, Record? auth, RealtimeSubscriptionOptions options, HttpContext? http)
    {
        public GroupKey Key { get; } = key;
        public Record? Auth { get; } = auth;
        public RealtimeSubscriptionOptions Options { get; } = options;
        /// <summary>The request that opened the connection, for enrich hooks (only when grouped per client).</summary>
        public HttpContext? Http { get; } = http;
        public List<(IRealtimeClient Client, string Subscription)> Targets { get; } = new();
    }

    private static readonly IReadOnlyList<Group> NoGroups = Array.Empty<Group>();

    private readonly Dictionary<string, List<Group>> _byTopic;

    private SubscriberIndex(long revision, bool perClient, Dictionary<string, List<Group>> byTopic)
    {
        Revision = revision;
        PerClient = perClient;
        _byTopic = byTopic;
    }

    public long Revision { get; }
    public bool PerClient { get; }

    public IReadOnlyList<Group> For(string topic) => _byTopic.TryGetValue(topic, out var groups) ? groups : NoGroups;

    /// <summary>The index of the broker's clients as of <paramref name="revision"/> (read before the clients).</summary>
    public static SubscriberIndex Build(IRealtimeBroker broker, long revision, bool perClient)
    {
        var groups = new Dictionary<(string Topic, GroupKey Key), Group>();
        var byTopic = new Dictionary<string, List<Group>>(StringComparer.Ordinal);
        foreach (var client in broker.ClientList)
        {
            if (client.IsDiscarded) continue;
            var auth = client.Auth;
            foreach (var subscription in client.Subscriptions)
            {
                var topic = RealtimeSubscriptionOptions.TopicOf(subscription);
                var options = client.SubscriptionsTo(topic).TryGetValue(subscription, out var o) ? o : RealtimeSubscriptionOptions.None;
                var key = new GroupKey(auth?.Collection.Id, auth?.Id, perClient ? client.Id : null, options.Key);
                if (!groups.TryGetValue((topic, key), out var group))
                {
                    groups[(topic, key)] = group = new Group(key, auth, options, perClient ? client.Get(RecordBroadcaster.ConnectRequestKey) as HttpContext : null);
                    if (!byTopic.TryGetValue(topic, out var list)) byTopic[topic] = list = new List<Group>();
                    list.Add(group);
                }
                group.Targets.Add((client, subscription));
            }
        }
        return new SubscriberIndex(revision, perClient, byTopic);
    }
}
