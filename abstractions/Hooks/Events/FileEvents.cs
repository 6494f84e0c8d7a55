using Microsoft.AspNetCore.Http;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Hooks;

/// <summary>A file about to be served; handlers may change what is served or answer on their own.</summary>
public class FileDownloadRequestEvent(IApp app, HttpContext http, Collection collection, Record record, Field fileField)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record Record { get; set; } = record;
    public Field FileField { get; set; } = fileField;

    /// <summary>The storage path of the file (or thumb) being served.</summary>
    public string ServedPath { get; set; } = "";

    /// <summary>The file name given to the client.</summary>
    public string ServedName { get; set; } = "";

    /// <summary>Why the requested thumb could not be made (the original is served instead), or null.</summary>
    public Exception? ThumbError { get; set; }
}

/// <summary>A protected-file token request by an authenticated record; tagged with that record's collection.</summary>
public class FileTokenRequestEvent(IApp app, HttpContext http, Record record) : RequestEvent(app, http), ITaggedEvent
{
    public Record Record { get; set; } = record;
    public string Token { get; set; } = "";

    public IEnumerable<string> Tags => EventTags.Of(Record);
}
