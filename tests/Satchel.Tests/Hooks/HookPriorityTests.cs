using Satchel.Hooks;

namespace Satchel.Tests.Hooks;

public class HookPriorityTests
{
    [Fact]
    public void Lower_priority_runs_first_regardless_of_binding_order()
    {
        var hook = new Hook<LogEvent>();
        hook.Bind(e => { e.Log.Add("p10"); e.Next(); }, priority: 10);
        hook.Bind(e => { e.Log.Add("p-5"); e.Next(); }, priority: -5);
        hook.Bind(e => { e.Log.Add("p0"); e.Next(); });

        var ev = new LogEvent();
        hook.Trigger(ev, e => e.Log.Add("core"));

        Assert.Equal(new[] { "p-5", "p0", "p10", "core" }, ev.Log);
    }

    [Fact]
    public void Equal_priorities_run_in_binding_order()
    {
        var hook = new Hook<LogEvent>();
        foreach (var name in new[] { "first", "second", "third" })
            hook.Bind(e => { e.Log.Add(name); e.Next(); }, priority: 3);

        var ev = new LogEvent();
        hook.Trigger(ev);

        Assert.Equal(new[] { "first", "second", "third" }, ev.Log);
    }

    [Fact]
    public void Binding_with_an_existing_id_replaces_that_handler()
    {
        var hook = new Hook<LogEvent>();
        hook.Bind(e => { e.Log.Add("old"); e.Next(); }, id: "h");
        hook.Bind(e => { e.Log.Add("new"); e.Next(); }, id: "h");

        var ev = new LogEvent();
        hook.Trigger(ev);

        Assert.Equal(new[] { "new" }, ev.Log);
        Assert.Equal(1, hook.Count);
    }

    [Fact]
    public void Trigger_without_handlers_runs_the_core()
    {
        var hook = new Hook<LogEvent>();
        var ev = new LogEvent();
        hook.Trigger(ev, e => e.Log.Add("core"));
        Assert.Equal(new[] { "core" }, ev.Log);
    }
}
