using Satchel.Errors;
using Satchel.Hooks;

namespace Satchel.Tests.Hooks;

public class HookExceptionTests
{
    [Fact]
    public void Exception_from_a_handler_reaches_the_caller_and_skips_the_core()
    {
        var hook = new Hook<LogEvent>();
        hook.Bind(_ => throw ApiException.BadRequest("nope"));

        var ev = new LogEvent();
        var ex = Assert.Throws<ApiException>(() => hook.Trigger(ev, e => e.Log.Add("core")));

        Assert.Equal(400, ex.Status);
        Assert.Equal("nope", ex.Message);
        Assert.Empty(ev.Log);
    }

    [Fact]
    public void Exception_from_the_core_propagates_through_handlers_after_next()
    {
        var hook = new Hook<LogEvent>();
        hook.Bind(e => { e.Next(); e.Log.Add("after-next"); });

        var ev = new LogEvent();
        Assert.Throws<InvalidOperationException>(() => hook.Trigger(ev, _ => throw new InvalidOperationException()));

        Assert.Empty(ev.Log);
    }

    [Fact]
    public void A_handler_may_catch_a_failure_of_the_rest_of_the_chain()
    {
        var hook = new Hook<LogEvent>();
        hook.Bind(e =>
        {
            try { e.Next(); }
            catch (ApiException) { e.Log.Add("recovered"); }
        });

        var ev = new LogEvent();
        hook.Trigger(ev, _ => throw ApiException.NotFound());

        Assert.Equal(new[] { "recovered" }, ev.Log);
    }

    [Fact]
    public void Event_can_be_triggered_again_after_a_failure()
    {
        var hook = new Hook<LogEvent>();
        var fail = true;
        hook.Bind(e => { if (fail) throw new InvalidOperationException(); e.Next(); });

        var ev = new LogEvent();
        Assert.Throws<InvalidOperationException>(() => hook.Trigger(ev));
        fail = false;
        hook.Trigger(ev, e => e.Log.Add("core"));

        Assert.Equal(new[] { "core" }, ev.Log);
    }
}
