namespace Satchel.Tests;

public class HookChainTests
{
    private sealed class Ev : Satchel.Hooks.HookEvent { public List<string> Log { get; } = new(); }

    [Fact]
    public void Handlers_run_by_priority_and_core_is_innermost()
    {
        var hook = new Satchel.Hooks.Hook<Ev>();
        hook.Bind(e => { e.Log.Add("b"); e.Next(); e.Log.Add("b-after"); }, priority: 2);
        hook.Bind(e => { e.Log.Add("a"); e.Next(); }, priority: 1);
        var ev = new Ev();
        hook.Trigger(ev, e => e.Log.Add("core"));
        Assert.Equal(new[] { "a", "b", "core", "b-after" }, ev.Log);
    }

    [Fact]
    public void A_handler_that_does_not_call_next_stops_the_chain()
    {
        var hook = new Satchel.Hooks.Hook<Ev>();
        hook.Bind(e => e.Log.Add("stop"));
        var ev = new Ev();
        hook.Trigger(ev, e => e.Log.Add("core"));
        Assert.Equal(new[] { "stop" }, ev.Log);
    }
}
