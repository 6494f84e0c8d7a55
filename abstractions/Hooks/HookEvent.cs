namespace Satchel.Hooks;

/// <summary>
/// Base of every hook event. A handler does its work and calls <see cref="Next"/> to run the
/// rest of the chain (the core's own behaviour is the innermost step); not calling it stops
/// the chain there, and throwing (e.g. an <see cref="Errors.ApiException"/>) aborts it.
/// </summary>
public abstract class HookEvent
{
    internal Action? NextStep;

    /// <summary>Runs the rest of the chain; returns when it has finished. Calling it again is a no-op.</summary>
    public void Next() => NextStep?.Invoke();
}

/// <summary>An event about one or more collections, so hooks can be tagged with collection names or ids.</summary>
public interface ITaggedEvent
{
    IEnumerable<string> Tags { get; }
}

/// <summary>An event reporting a failed operation; <see cref="Error"/> is what it failed with.</summary>
public interface IErrorEvent
{
    Exception Error { get; set; }
}
