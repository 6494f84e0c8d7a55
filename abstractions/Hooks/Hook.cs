namespace Satchel.Hooks;

/// <summary>
/// An ordered chain of handlers for one event type. Handlers run by ascending priority
/// (then by binding order); tagged handlers run only for events carrying one of their tags.
/// Binding and unbinding are safe while the hook is being triggered on other threads: a trigger
/// runs over the handler list as it was when the trigger started.
/// </summary>
public sealed class Hook<T> : IHook where T : HookEvent
{
    private sealed record Handler(string Id, int Priority, long Order, string[] Tags, Action<T> Fn);

    private readonly object _gate = new();
    private Handler[] _handlers = Array.Empty<Handler>();
    private long _seq;

    public Type EventType => typeof(T);

    /// <summary>
    /// Binds a handler; returns its id (for <see cref="Unbind"/>). Binding again with an existing id
    /// replaces that handler.
    /// </summary>
    public string Bind(Action<T> handler, int priority = 0, string? id = null, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (_gate)
        {
            var h = new Handler(id ?? Guid.NewGuid().ToString("N"), priority, _seq++, tags ?? Array.Empty<string>(), handler);
            Volatile.Write(ref _handlers, _handlers.Where(x => x.Id != h.Id).Append(h)
                .OrderBy(x => x.Priority).ThenBy(x => x.Order).ToArray());
            return h.Id;
        }
    }

    string IHook.Bind(Action<HookEvent> handler, int priority, string? id, params string[] tags)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return Bind(e => handler(e), priority, id, tags);
    }

    /// <summary>Removes the handlers with these ids (unknown ids are ignored).</summary>
    public void Unbind(params string[] ids)
    {
        lock (_gate) Volatile.Write(ref _handlers, _handlers.Where(x => !ids.Contains(x.Id)).ToArray());
    }

    public void UnbindAll()
    {
        lock (_gate) Volatile.Write(ref _handlers, Array.Empty<Handler>());
    }

    public int Count => Volatile.Read(ref _handlers).Length;

    /// <summary>
    /// Runs the chain with <paramref name="final"/> as its innermost step. Each handler's
    /// <see cref="HookEvent.Next"/> runs the rest of the chain at most once; exceptions thrown by
    /// a handler or by <paramref name="final"/> propagate to the caller.
    /// </summary>
    public void Trigger(T e, Action<T>? final = null)
    {
        ArgumentNullException.ThrowIfNull(e);
        var handlers = Volatile.Read(ref _handlers);
        var tags = e is ITaggedEvent te ? te.Tags.ToArray() : null;

        // The same event object may be triggered again from inside a handler (proxy hooks do
        // this), so the outer chain's continuation is saved and restored around every step.
        void RunFrom(int start)
        {
            for (var i = start; i < handlers.Length; i++)
            {
                var h = handlers[i];
                if (!Matches(h, tags)) continue;

                var next = i + 1;
                var called = false;
                var saved = e.NextStep;
                e.NextStep = () =>
                {
                    if (called) return;
                    called = true;
                    RunFrom(next);
                };
                try { h.Fn(e); }
                finally { e.NextStep = saved; }
                return;
            }

            if (final == null) return;
            var outer = e.NextStep;
            e.NextStep = null; // Next() inside the core step is a no-op
            try { final(e); }
            finally { e.NextStep = outer; }
        }

        RunFrom(0);
    }

    private static bool Matches(Handler h, string[]? eventTags)
    {
        if (h.Tags.Length == 0) return true;
        if (eventTags == null) return false;
        foreach (var t in h.Tags)
            if (Array.IndexOf(eventTags, t) >= 0) return true;
        return false;
    }
}
