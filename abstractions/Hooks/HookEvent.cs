namespace Satchel.Hooks;

/// <summary>
/// Base of every hook event. A handler does its work and calls <see cref="Next"/> to run the
/// rest of the chain (the core's own behaviour is the innermost step); not calling it stops
/// the chain there.
/// </summary>
public abstract class HookEvent
{
    internal Action? NextStep;

    public void Next() => NextStep?.Invoke();
}

/// <summary>An event about one or more collections, so hooks can be tagged with collection names or ids.</summary>
public interface ITaggedEvent
{
    IEnumerable<string> Tags { get; }
}
