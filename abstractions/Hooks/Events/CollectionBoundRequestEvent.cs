using Microsoft.AspNetCore.Http;
using Satchel.Models;

namespace Satchel.Hooks;

/// <summary>A request event about one collection; tagged with the collection's id and name.</summary>
public abstract class CollectionBoundRequestEvent : RequestEvent, ITaggedEvent
{
    protected CollectionBoundRequestEvent(IApp app, HttpContext http, Collection collection) : base(app, http)
        => Collection = collection;

    public Collection Collection { get; set; }

    public virtual IEnumerable<string> Tags => EventTags.Of(Collection);
}
