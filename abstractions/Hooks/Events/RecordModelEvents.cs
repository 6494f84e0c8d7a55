using Microsoft.AspNetCore.Http;
using Satchel.Models;

namespace Satchel.Hooks;

/// <summary>
/// A record being validated, created, updated or deleted, wherever the save comes from (API,
/// plugin, migration); it has no request. Tagged with the record's collection name and id.
/// </summary>
public class RecordEvent : HookEvent, ITaggedEvent
{
    public RecordEvent(IApp app, Record record, string type)
    {
        App = app;
        Record = record;
        Type = type;
    }

    public IApp App { get; set; }

    public Record Record { get; }

    /// <summary>One of <see cref="ModelEventType"/>.</summary>
    public string Type { get; set; }

    public IEnumerable<string> Tags => EventTags.Of(Record);

    /// <summary>The matching base model event, for triggering the OnModel* chain after the OnRecord* one.</summary>
    public virtual ModelEvent ToModelEvent() => new(App, Record, Type);
}

/// <summary>A failed record create, update or delete; <see cref="Error"/> is why it failed.</summary>
public class RecordErrorEvent : RecordEvent, IErrorEvent
{
    public RecordErrorEvent(IApp app, Record record, string type, Exception error) : base(app, record, type)
        => Error = error;

    public Exception Error { get; set; }

    public override ModelEvent ToModelEvent() => new ModelErrorEvent(App, Record, Type, Error);
}

/// <summary>
/// A record about to be serialised for a client (API response or realtime message), so handlers
/// can hide fields or add computed ones for that client. Tagged with the record's collection.
/// </summary>
public class RecordEnrichEvent : HookEvent, ITaggedEvent
{
    public RecordEnrichEvent(IApp app, Record record, Record? auth, HttpContext? http = null)
    {
        App = app;
        Record = record;
        Auth = auth;
        Http = http;
    }

    public IApp App { get; set; }

    public Record Record { get; }

    /// <summary>Who the record is being served to (null for a guest).</summary>
    public Record? Auth { get; }

    /// <summary>The request being answered, when there is one (for realtime: the client's connect request).</summary>
    public HttpContext? Http { get; }

    public IEnumerable<string> Tags => EventTags.Of(Record);
}
