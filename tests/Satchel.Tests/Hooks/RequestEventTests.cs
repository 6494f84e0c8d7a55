using Microsoft.AspNetCore.Http;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Http;

namespace Satchel.Tests.Hooks;

public class RequestEventTests
{
    private static RecordRequestEvent ViewEvent(HttpContext? http = null)
    {
        var record = HookTestData.Record("posts", "pbc_posts");
        return new RecordRequestEvent(HookTestData.App(), http ?? new DefaultHttpContext(), record.Collection, record);
    }

    [Fact]
    public void Handler_after_next_can_replace_the_response_the_core_set()
    {
        var hooks = new AppHooks();
        hooks.OnRecordViewRequest.Bind(e => { e.Next(); e.Json(202, new { replaced = true }); });

        var ev = ViewEvent();
        hooks.OnRecordViewRequest.Trigger(ev, e => e.Json(200, e.Record));

        Assert.Equal(202, ev.Status);
        Assert.Equal(new { replaced = true }, ev.Response);
    }

    [Fact]
    public void Handler_can_answer_without_the_core()
    {
        var hooks = new AppHooks();
        hooks.OnRecordDeleteRequest.Bind(e => e.NoContent());
        var coreRan = false;

        var ev = ViewEvent();
        hooks.OnRecordDeleteRequest.Trigger(ev, _ => coreRan = true);

        Assert.False(coreRan);
        Assert.Equal(204, ev.Status);
        Assert.Null(ev.Response);
    }

    [Fact]
    public void Handler_can_reject_the_request_with_an_api_exception()
    {
        var hooks = new AppHooks();
        hooks.OnRecordCreateRequest.Bind(_ => throw ApiException.Forbidden("Only staff."));

        var ex = Assert.Throws<ApiException>(() => hooks.OnRecordCreateRequest.Trigger(ViewEvent(), e => e.Json(200, e.Record)));

        Assert.Equal(403, ex.Status);
    }

    [Fact]
    public void Auth_reads_and_writes_the_request_auth_state()
    {
        var http = new DefaultHttpContext();
        var user = HookTestData.Record("users", "pbc_users");
        http.SetAuth(user);
        var ev = ViewEvent(http);

        Assert.Same(user, ev.Auth);
        Assert.False(ev.HasSuperuserAuth);

        var superuser = HookTestData.Record("_superusers", "pbc_su");
        ev.Auth = superuser;

        Assert.Same(superuser, http.GetAuth());
        Assert.True(ev.HasSuperuserAuth);
    }

    [Fact]
    public void Record_request_events_are_tagged_with_their_collection()
    {
        var hooks = new AppHooks();
        var fired = 0;
        hooks.OnRecordViewRequest.Bind(e => { fired++; e.Next(); }, tags: "users");

        hooks.OnRecordViewRequest.Trigger(ViewEvent());

        Assert.Equal(0, fired);
        Assert.Equal(new[] { "pbc_posts", "posts" }, ViewEvent().Tags);
    }

    [Fact]
    public void File_token_event_is_tagged_with_the_auth_records_collection()
    {
        var ev = new FileTokenRequestEvent(HookTestData.App(), new DefaultHttpContext(), HookTestData.Record("users", "pbc_users"));
        Assert.Equal(new[] { "pbc_users", "users" }, ev.Tags);
    }
}
