using Microsoft.AspNetCore.Http;
using Satchel.Http;
using Satchel.Models;

namespace Satchel.Hooks;

/// <summary>
/// Base of the events fired by API endpoints. The core's innermost step stores the answer in
/// <see cref="Status"/> and <see cref="Response"/> instead of writing it, and the endpoint writes
/// it after the chain returns — so a handler can replace the answer after calling Next, answer
/// on its own without calling Next, or reject the request by throwing an ApiException.
/// A handler that writes to <see cref="Http"/>'s response directly takes over: once the response
/// has started, the endpoint writes nothing more.
/// </summary>
public abstract class RequestEvent : HookEvent
{
    protected RequestEvent(IApp app, HttpContext http)
    {
        App = app;
        Http = http;
    }

    public IApp App { get; set; }

    public HttpContext Http { get; }

    /// <summary>The request's auth record (null for a guest); setting it changes the request's auth state.</summary>
    public Record? Auth
    {
        get => Http.GetAuth();
        set => Http.SetAuth(value);
    }

    public bool HasSuperuserAuth => Auth?.Collection.IsSuperusers == true;

    /// <summary>The HTTP status to answer with.</summary>
    public int Status { get; set; } = StatusCodes.Status200OK;

    /// <summary>The body to answer with, serialised as JSON; null answers without a body.</summary>
    public object? Response { get; set; }

    /// <summary>Sets the answer: <paramref name="status"/> with <paramref name="body"/> as JSON.</summary>
    public void Json(int status, object? body)
    {
        Status = status;
        Response = body;
    }

    /// <summary>Sets an empty 204 answer.</summary>
    public void NoContent()
    {
        Status = StatusCodes.Status204NoContent;
        Response = null;
    }
}
