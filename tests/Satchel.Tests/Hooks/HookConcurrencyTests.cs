using Satchel.Hooks;

namespace Satchel.Tests.Hooks;

public class HookConcurrencyTests
{
    [Fact]
    public async Task Binding_and_unbinding_while_triggering_on_other_threads_is_safe()
    {
        var hook = new Hook<LogEvent>();
        hook.Bind(e => { e.Log.Add("base"); e.Next(); }, priority: -100, id: "base");
        using var stop = new CancellationTokenSource();
        var failures = 0;
        var triggers = 0;

        var triggerers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var ev = new LogEvent();
                try
                {
                    hook.Trigger(ev, e => e.Log.Add("core"));
                    // Whatever the handler list was, the base handler ran first and the core last.
                    if (ev.Log[0] != "base" || ev.Log[^1] != "core") Interlocked.Increment(ref failures);
                }
                catch { Interlocked.Increment(ref failures); }
                Interlocked.Increment(ref triggers);
            }
        })).ToArray();

        var binder = Task.Run(() =>
        {
            // Start binding only once triggering is under way, so the two really overlap.
            SpinWait.SpinUntil(() => Volatile.Read(ref triggers) > 0, TimeSpan.FromSeconds(10));
            for (var i = 0; i < 600; i++)
            {
                var id = hook.Bind(e => { e.Log.Add("x"); e.Next(); }, priority: i % 7);
                if (i % 2 == 0) hook.Unbind(id);
            }
        });

        await binder.WaitAsync(TimeSpan.FromSeconds(30));
        stop.Cancel();
        await Task.WhenAll(triggerers).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(triggers > 0);
        Assert.Equal(0, failures);
        Assert.Equal(1 + 300, hook.Count);
    }
}
