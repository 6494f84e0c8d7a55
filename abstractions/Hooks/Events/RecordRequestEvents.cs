using Microsoft.AspNetCore.Http;
using Satchel.Http;
using Satchel.Models;

namespace Satchel.Hooks;

/// <summary>A records list request; <see cref="Result"/> is the page the core built.</summary>
public class RecordsListRequestEvent(IApp app, HttpContext http, Collection collection)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public List<Record> Records { get; set; } = new();

    public ListResult<Record> Result { get; set; } = new();
}

/// <summary>
/// A request to view, create, update or delete one record. For create and update,
/// <see cref="Record"/> already holds the submitted data when the chain starts.
/// </summary>
public class RecordRequestEvent(IApp app, HttpContext http, Collection collection, Record record)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record Record { get; set; } = record;
}
