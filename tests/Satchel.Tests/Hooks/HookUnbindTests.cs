using Satchel.Hooks;

namespace Satchel.Tests.Hooks;

public class HookUnbindTests
{
    [Fact]
    public void Unbound_handler_no_longer_runs()
    {
        var hook = new Hook<LogEvent>();
        var id = hook.Bind(e => { e.Log.Add("gone"); e.Next(); });
        hook.Bind(e => { e.Log.Add("kept"); e.Next(); });

        hook.Unbind(id);
        var ev = new LogEvent();
        hook.Trigger(ev);

        Assert.Equal(new[] { "kept" }, ev.Log);
        Assert.Equal(1, hook.Count);
    }

    [Fact]
    public void Bind_returns_the_given_id_and_unbinding_by_it_works()
    {
        var hook = new Hook<LogEvent>();
        Assert.Equal("mine", hook.Bind(e => e.Next(), id: "mine"));

        hook.Unbind("mine", "unknown");

        Assert.Equal(0, hook.Count);
    }

    [Fact]
    public void UnbindAll_removes_every_handler()
    {
        var hook = new Hook<LogEvent>();
        hook.Bind(e => e.Log.Add("a"));
        hook.Bind(e => e.Log.Add("b"));

        hook.UnbindAll();
        var ev = new LogEvent();
        hook.Trigger(ev, e => e.Log.Add("core"));

        Assert.Equal(new[] { "core" }, ev.Log);
    }

    [Fact]
    public void A_handler_may_unbind_itself_while_running()
    {
        var hook = new Hook<LogEvent>();
        string id = "";
        id = hook.Bind(e => { e.Log.Add("once"); hook.Unbind(id); e.Next(); });

        var first = new LogEvent();
        hook.Trigger(first, e => e.Log.Add("core"));
        var second = new LogEvent();
        hook.Trigger(second, e => e.Log.Add("core"));

        Assert.Equal(new[] { "once", "core" }, first.Log);
        Assert.Equal(new[] { "core" }, second.Log);
    }
}
