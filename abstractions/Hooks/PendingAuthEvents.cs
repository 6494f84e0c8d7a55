// Interim declarations of the request events this branch builds on; removed when the hooks branch is merged.
using Microsoft.AspNetCore.Http;
using Satchel.Http;
using Satchel.Models;

namespace Satchel.Hooks;

public abstract class RequestEvent : HookEvent
{
    protected RequestEvent(IApp app, HttpContext http) { App = app; Http = http; }
    public IApp App { get; set; }
    public HttpContext Http { get; }
    public Record? Auth { get => Http.GetAuth(); set => Http.SetAuth(value); }
    public bool HasSuperuserAuth => Auth?.Collection.IsSuperusers == true;
    public int Status { get; set; } = StatusCodes.Status200OK;
    public object? Response { get; set; }
    public void Json(int status, object? body) { Status = status; Response = body; }
    public void NoContent() { Status = StatusCodes.Status204NoContent; Response = null; }
}

public abstract class CollectionBoundRequestEvent : RequestEvent, ITaggedEvent
{
    protected CollectionBoundRequestEvent(IApp app, HttpContext http, Collection collection) : base(app, http) => Collection = collection;
    public Collection Collection { get; set; }
    public virtual IEnumerable<string> Tags => new[] { Collection.Id, Collection.Name };
}

public class RecordAuthRequestEvent(IApp app, HttpContext http, Collection collection, Record record, string token, string authMethod)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record Record { get; set; } = record;
    public string Token { get; set; } = token;
    public object? Meta { get; set; }
    public string AuthMethod { get; set; } = authMethod;
}

public class RecordAuthWithPasswordRequestEvent(IApp app, HttpContext http, Collection collection)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record? Record { get; set; }
    public string Identity { get; set; } = "";
    public string IdentityField { get; set; } = "";
    public string Password { get; set; } = "";
}

public class RecordAuthRefreshRequestEvent(IApp app, HttpContext http, Collection collection, Record record)
    : CollectionBoundRequestEvent(app, http, collection)
{
    public Record Record { get; set; } = record;
}

public sealed partial class AppHooks
{
    public Hook<RecordAuthRequestEvent> OnRecordAuthRequest { get; } = new();
    public Hook<RecordAuthRefreshRequestEvent> OnRecordAuthRefreshRequest { get; } = new();
    public Hook<RecordAuthWithPasswordRequestEvent> OnRecordAuthWithPasswordRequest { get; } = new();
}
