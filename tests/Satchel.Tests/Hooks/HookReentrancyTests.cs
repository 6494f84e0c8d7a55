using Satchel.Hooks;

namespace Satchel.Tests.Hooks;

public class HookReentrancyTests
{
    [Fact]
    public void Handler_may_trigger_another_hook_and_continue_its_own_chain()
    {
        var outer = new Hook<LogEvent>();
        var inner = new Hook<LogEvent>();
        inner.Bind(e => { e.Log.Add("inner-handler"); e.Next(); });
        outer.Bind(e =>
        {
            e.Log.Add("outer-handler");
            inner.Trigger(new LogEvent(), ie => e.Log.Add("inner-core"));
            e.Next();
            e.Log.Add("outer-after");
        });

        var ev = new LogEvent();
        outer.Trigger(ev, e => e.Log.Add("outer-core"));

        Assert.Equal(new[] { "outer-handler", "inner-core", "outer-core", "outer-after" }, ev.Log);
    }

    [Fact]
    public void Same_event_object_may_be_triggered_on_a_second_hook_from_the_core_step()
    {
        // The shape of a save: OnModelCreate's core triggers OnModelCreateExecute with the same event.
        var create = new Hook<LogEvent>();
        var execute = new Hook<LogEvent>();
        create.Bind(e => { e.Log.Add("create"); e.Next(); e.Log.Add("create-after"); });
        execute.Bind(e => { e.Log.Add("execute"); e.Next(); e.Log.Add("execute-after"); });

        var ev = new LogEvent();
        create.Trigger(ev, e => execute.Trigger(e, x => x.Log.Add("insert")));

        Assert.Equal(new[] { "create", "execute", "insert", "execute-after", "create-after" }, ev.Log);
    }

    [Fact]
    public void Same_event_triggered_on_the_same_hook_from_a_handler_keeps_the_outer_chain_intact()
    {
        var hook = new Hook<LogEvent>();
        var depth = 0;
        hook.Bind(e =>
        {
            e.Log.Add("h" + depth);
            if (depth++ == 0) hook.Trigger(e, x => x.Log.Add("nested-core"));
            e.Next();
        });

        var ev = new LogEvent();
        hook.Trigger(ev, e => e.Log.Add("core"));

        Assert.Equal(new[] { "h0", "h1", "nested-core", "core" }, ev.Log);
    }
}
