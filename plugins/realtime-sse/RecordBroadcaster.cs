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

    private sealed class Audience(RecordRequestInfo request, string? rule, HttpContext? http)
    {
        public RecordRequestInfo Request { get; } = request;
        public string? Rule { get; } = rule;
        public HttpContext? Http { get; } = http;
        public List<(IRealtimeClient Client, string Subscription)> Targets { get; } = new();
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

        var audiences = new Dictionary<string, Audience>(StringComparer.Ordinal);
        foreach (var client in _broker.ClientList)
        {
            if (client.IsDiscarded) continue;
            Models.Record? auth = null;
            string? who = null;
            foreach (var (topic, recordTopic) in topics)
            {
                var subscriptions = client.SubscriptionsTo(topic);
                if (subscriptions.Count == 0) continue;
                if (who == null)
                {
                    auth = client.Auth;
                    who = auth == null ? "" : auth.Collection.Id + ":" + auth.Id;
                    if (perClient) who += "|" + client.Id;
                }
                foreach (var (subscription, options) in subscriptions)
                {
                    var key = (recordTopic ? "view|" : "list|") + who + "|" + options.Key;
                    if (!audiences.TryGetValue(key, out var audience))
                    {
                        var request = new RecordRequestInfo
                        {
                            Context = "realtime",
                            Method = "GET",
                            Query = options.Query,
                            Headers = options.Headers,
                            Auth = auth,
                        };
                        audiences[key] = audience = new Audience(request, recordTopic ? collection.ViewRule : collection.ListRule,
                            perClient ? client.Get(ConnectRequestKey) as HttpContext : null);
                    }
                    audience.Targets.Add((client, subscription));
                }
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
            string data;
            try
            {
                var json = _access.Present(record, group.Request, deleted, group.Http);
                data = new JsonObject { ["record"] = json, ["action"] = change.Action }.ToJsonString(JsonOptions);
            }
            catch (Exception e)
            {
                // An enrich handler rejecting the record skips this audience only.
                _log.LogDebug(e, "realtime: rendering {Collection}/{Id} failed", collection.Name, record.Id);
                continue;
            }
            foreach (var (client, subscription) in group.Targets) client.Send(new RealtimeMessage(subscription, data));
        }
    }
}
