using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Satchel.Realtime;
using Satchel.Records;

namespace Satchel.Plugins.RealtimeSse;

/// <summary>
/// Turns committed record writes into realtime messages. Writers only enqueue (after their
/// transaction committed); one background loop announces the changes in commit order, so each
/// client sees a record's create, update and delete in that order.
/// A subscription to <c>COLLECTION/RECORD_ID</c> is guarded by the collection's viewRule, one to
/// <c>COLLECTION/*</c> (or the older bare <c>COLLECTION</c>) by its listRule, collection given by
/// name or id; each is evaluated as the subscriber with <c>@request.context = "realtime"</c> and the
/// subscription's options, and its <c>expand</c>, <c>fields</c> and <c>filter</c> options apply.
/// Subscriptions with the same auth, options and rule share one rule check and one rendering.
/// </summary>
internal sealed class RecordBroadcaster
{
    /// <summary>Client store key of the HTTP request that opened the connection (handed to OnRecordEnrich).</summary>
    public const string ConnectRequestKey = "satchel.connectRequest";

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly IApp _app;
    private readonly IRealtimeBroker _broker;
    private readonly IRecordAccess _access;
    private readonly ILogger _log;
    private readonly Channel<RecordChange> _queue = Channel.CreateUnbounded<RecordChange>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _loop;

    public RecordBroadcaster(IApp app, IRealtimeBroker broker, IRecordAccess access, ILogger log)
    {
        _app = app;
        _broker = broker;
        _access = access;
        _log = log;
    }

    /// <summary>Queues a committed change (a copy of the record is kept, so later edits to the caller's object don't leak in).</summary>
    public void Enqueue(string action, Models.Record record)
    {
        if (_broker.TotalClients == 0 || record.Collection.IsView) return;
        _queue.Writer.TryWrite(new RecordChange(action, record.Clone()));
    }

    public void Start() => _loop ??= Task.Run(RunAsync);

    /// <summary>Stops taking changes and waits until the queued ones were announced.</summary>
    public Task StopAsync()
    {
        _queue.Writer.TryComplete();
        return _loop ?? Task.CompletedTask;
    }

    private async Task RunAsync()
    {
        await foreach (var change in _queue.Reader.ReadAllAsync())
        {
            try
            {
                Broadcast(change);
            }
            catch (Exception e)
            {
                _log.LogWarning(e, "realtime: announcing {Action} of {Collection}/{Id} failed", change.Action, change.Record.Collection.Name, change.Record.Id);
            }
        }
    }

    /// <summary>Who sees a change the same way: the topic kind (view or list rule) and the subscriber group's key.</summary>
    private readonly record struct AudienceKey(bool RecordTopic, SubscriberIndex.GroupKey Group);

    private sealed class Audience(RecordRequestInfo request, string? rule, HttpContext? http)
    {
        public RecordRequestInfo Request { get; } = request;
        public string? Rule { get; } = rule;
        public HttpContext? Http { get; } = http;
        public List<(IRealtimeClient Client, string Subscription)> Targets { get; } = new();
    }

    private SubscriberIndex? _index;

    /// <summary>The subscriber index, rebuilt when a client or its subscriptions or auth changed since it was built.</summary>
    private SubscriberIndex CurrentIndex(bool perClient)
    {
        var revision = _broker.Revision;
        if (_index is { } index && index.Revision == revision && index.PerClient == perClient) return index;
        return _index = SubscriberIndex.Build(_broker, revision, perClient);
    }

    /// <summary>Announces one change to every client allowed to see it (synchronously; the loop calls it).</summary>
    public void Broadcast(RecordChange change)
    {
        var record = change.Record;
        var collection = record.Collection;
        var topics = new (string Topic, bool RecordTopic)[]
        {
            (collection.Name + "/" + record.Id, true),
            (collection.Id + "/" + record.Id, true),
            (collection.Name + "/*", false),
            (collection.Id + "/*", false),
            (collection.Name, false),
            (collection.Id, false),
        };
        // Enrich handlers may tailor a record to one connection, so then nothing is shared between clients.
        var perClient = _app.Hooks.OnRecordEnrich.Count > 0;

        var index = CurrentIndex(perClient);
        var audiences = new Dictionary<AudienceKey, Audience>();
        foreach (var (topic, recordTopic) in topics)
        {
            foreach (var group in index.For(topic))
            {
                var key = new AudienceKey(recordTopic, group.Key);
                if (!audiences.TryGetValue(key, out var audience))
                {
                    var request = new RecordRequestInfo
                    {
                        Context = "realtime",
                        Method = "GET",
                        Query = group.Options.Query,
                        Headers = group.Options.Headers,
                        Auth = group.Auth,
                    };
                    audiences[key] = audience = new Audience(request, recordTopic ? collection.ViewRule : collection.ListRule, group.Http);
                }
                audience.Targets.AddRange(group.Targets);
            }
        }
        if (audiences.Count == 0) return;

        var groups = audiences.Values.ToList();
        var deleted = change.Action == RecordChange.Delete;
        var allowed = _access.CanAccess(record,
            groups.Select(g => new RecordAccessCheck(g.Rule, g.Request, g.Request.QueryValue("filter"))).ToList(), fromValues: deleted);

        for (var i = 0; i < groups.Count; i++)
        {
            if (!allowed[i]) continue;
            var group = groups[i];
            RealtimeMessage message;
            try
            {
                var json = _access.Present(record, group.Request, deleted, group.Http);
                message = new RealtimeMessage("", new JsonObject { ["record"] = json, ["action"] = change.Action }.ToJsonString(JsonOptions));
            }
            catch (Exception e)
            {
                // An enrich handler rejecting the record skips this audience only.
                _log.LogDebug(e, "realtime: rendering {Collection}/{Id} failed", collection.Name, record.Id);
                continue;
            }
            foreach (var (client, subscription) in group.Targets) client.Send(message.WithName(subscription));
        }
    }
}
