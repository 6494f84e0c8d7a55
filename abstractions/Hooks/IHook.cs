namespace Satchel.Hooks;

/// <summary>
/// A hook seen without its event type, for callers that pick hooks by name at runtime
/// (script engines, diagnostics). Handlers receive the event as its base type.
/// </summary>
public interface IHook
{
    /// <summary>The event class the hook's handlers receive.</summary>
    Type EventType { get; }

    int Count { get; }

    string Bind(Action<HookEvent> handler, int priority = 0, string? id = null, params string[] tags);

    void Unbind(params string[] ids);

    void UnbindAll();
}
