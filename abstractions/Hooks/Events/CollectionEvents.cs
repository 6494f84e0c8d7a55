using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Http;
using Satchel.Models;

namespace Satchel.Hooks;

/// <summary>
/// A collection being validated, created, updated or deleted, wherever the save comes from;
/// it has no request. Tagged with the collection's id and name.
/// </summary>
public class CollectionEvent : HookEvent, ITaggedEvent
{
    public CollectionEvent(IApp app, Collection collection, string type)
    {
        App = app;
        Collection = collection;
        Type = type;
    }

    public IApp App { get; set; }

    public Collection Collection { get; }

    /// <summary>One of <see cref="ModelEventType"/>.</summary>
    public string Type { get; set; }

    public IEnumerable<string> Tags => EventTags.Of(Collection);

    /// <summary>The matching base model event, for triggering the OnModel* chain after the OnCollection* one.</summary>
    public virtual ModelEvent ToModelEvent() => new(App, Collection, Type);
}

/// <summary>A failed collection create, update or delete; <see cref="Error"/> is why it failed.</summary>
public class CollectionErrorEvent : CollectionEvent, IErrorEvent
{
    public CollectionErrorEvent(IApp app, Collection collection, string type, Exception error) : base(app, collection, type)
        => Error = error;

    public Exception Error { get; set; }

    public override ModelEvent ToModelEvent() => new ModelErrorEvent(App, Collection, Type, Error);
}

/// <summary>A request to view, create, update or delete one collection (superusers only).</summary>
public class CollectionRequestEvent(IApp app, HttpContext http, Collection collection)
    : CollectionBoundRequestEvent(app, http, collection);

/// <summary>A request to list collections; <see cref="Result"/> is the page the core built.</summary>
public class CollectionsListRequestEvent(IApp app, HttpContext http) : RequestEvent(app, http)
{
    public List<Collection> Collections { get; set; } = new();

    public ListResult<Collection> Result { get; set; } = new();
}

/// <summary>A request to import collections from their JSON export.</summary>
public class CollectionsImportRequestEvent(IApp app, HttpContext http) : RequestEvent(app, http)
{
    /// <summary>The submitted collections, one JSON object each (as in an export).</summary>
    public List<JsonObject> CollectionsData { get; set; } = new();

    /// <summary>Whether collections (and their data) missing from the import are deleted.</summary>
    public bool DeleteMissing { get; set; }
}
