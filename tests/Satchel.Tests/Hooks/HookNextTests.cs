using Satchel.Hooks;

namespace Satchel.Tests.Hooks;

public class HookNextTests
{
    [Fact]
    public void Not_calling_next_stops_the_rest_of_the_chain_and_the_core()
    {
        var hook = new Hook<LogEvent>();
        hook.Bind(e => { e.Log.Add("first"); e.Next(); }, priority: 1);
        hook.Bind(e => e.Log.Add("stopper"), priority: 2);
        hook.Bind(e => { e.Log.Add("never"); e.Next(); }, priority: 3);

        var ev = new LogEvent();
        hook.Trigger(ev, e => e.Log.Add("core"));

        Assert.Equal(new[] { "first", "stopper" }, ev.Log);
    }

    [Fact]
    public void Code_after_next_runs_after_the_core_in_reverse_order()
    {
        var hook = new Hook<LogEvent>();
        hook.Bind(e => { e.Log.Add("a"); e.Next(); e.Log.Add("a-after"); }, priority: 1);
        hook.Bind(e => { e.Log.Add("b"); e.Next(); e.Log.Add("b-after"); }, priority: 2);

        var ev = new LogEvent();
        hook.Trigger(ev, e => e.Log.Add("core"));

        Assert.Equal(new[] { "a", "b", "core", "b-after", "a-after" }, ev.Log);
    }

    [Fact]
    public void Calling_next_twice_runs_the_rest_of_the_chain_once()
    {
        var hook = new Hook<LogEvent>();
        hook.Bind(e => { e.Next(); e.Next(); }, priority: 1);
        hook.Bind(e => { e.Log.Add("second"); e.Next(); }, priority: 2);

        var ev = new LogEvent();
        hook.Trigger(ev, e => e.Log.Add("core"));

        Assert.Equal(new[] { "second", "core" }, ev.Log);
    }

    [Fact]
    public void Second_next_cannot_skip_past_a_handler_that_stopped_the_chain()
    {
        var hook = new Hook<LogEvent>();
        hook.Bind(e => { e.Next(); e.Next(); }, priority: 1);
        hook.Bind(e => e.Log.Add("stopper"), priority: 2);
        hook.Bind(e => { e.Log.Add("after-stopper"); e.Next(); }, priority: 3);

        var ev = new LogEvent();
        hook.Trigger(ev, e => e.Log.Add("core"));

        Assert.Equal(new[] { "stopper" }, ev.Log);
    }

    [Fact]
    public void Next_inside_the_core_step_is_a_no_op()
    {
        var hook = new Hook<LogEvent>();
        hook.Bind(e => { e.Log.Add("h"); e.Next(); });

        var ev = new LogEvent();
        hook.Trigger(ev, e => { e.Log.Add("core"); e.Next(); });

        Assert.Equal(new[] { "h", "core" }, ev.Log);
    }

    [Fact]
    public void Next_outside_a_trigger_does_nothing()
    {
        var ev = new LogEvent();
        ev.Next();
        Assert.Empty(ev.Log);
    }

    [Fact]
    public void Handlers_see_changes_made_to_the_event_by_earlier_handlers()
    {
        var hook = new Hook<RecordEvent>();
        hook.Bind(e => { e.Record.Set("title", "changed"); e.Next(); }, priority: 1);
        string? seenByCore = null;

        hook.Trigger(HookTestData.RecordEvent(), e => seenByCore = e.Record.GetString("title"));

        Assert.Equal("changed", seenByCore);
    }
}
