namespace Satchel.Hooks;

/// <summary>
/// An ordered chain of handlers for one event type. Handlers run by ascending priority
/// (then by binding order); tagged handlers run only for events carrying one of their tags.
/// </summary>
public sealed class Hook<T> where T : HookEvent
{
    private sealed record Handler(string Id, int Priority, long Order, string[] Tags, Action<T> Fn);

    private readonly object _gate = new();
    private Handler[] _handlers = Array.Empty<Handler>();
    private long _seq;

    /// <summary>Binds a handler; returns its id (for <see cref="Unbind"/>).</summary>
    public string Bind(Action<T> handler, int priority = 0, string? id = null, params string[] tags)
    {
        lock (_gate)
        {
            var h = new Handler(id ?? Guid.NewGuid().ToString("N"), priority, _seq++, tags, handler);
            _handlers = _handlers.Where(x => x.Id != h.Id).Append(h)
                .OrderBy(x => x.Priority).ThenBy(x => x.Order).ToArray();
            return h.Id;
        }
    }

    public void Unbind(string id)
    {
        lock (_gate) _handlers = _handlers.Where(x => x.Id != id).ToArray();
    }

    public int Count => _handlers.Length;

    /// <summary>Runs the chain with <paramref name="final"/> as its innermost step.</summary>
    public void Trigger(T e, Action<T>? final = null)
    {
        var handlers = _handlers;
        var tags = e is ITaggedEvent te ? te.Tags.ToArray() : null;
        var previous = e.NextStep;
        var index = 0;

        void Step()
        {
            while (index < handlers.Length)
            {
                var h = handlers[index++];
                if (h.Tags.Length > 0 && (tags == null || !h.Tags.Any(t => tags.Contains(t, StringComparer.Ordinal))))
                    continue;
                h.Fn(e);
                return;
            }
            final?.Invoke(e);
        }

        e.NextStep = Step;
        try { Step(); }
        finally { e.NextStep = previous; }
    }
}
