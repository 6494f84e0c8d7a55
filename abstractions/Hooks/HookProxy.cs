namespace Satchel.Hooks;

/// <summary>
/// Chains a typed hook to the general one it stands for (OnRecordCreate → OnModelCreate,
/// OnCollectionDelete → OnModelDelete, …): the typed chain runs first and its innermost step
/// runs the general chain, whose innermost step is the core. So a typed handler that does not
/// call Next keeps the general handlers and the core from running.
/// </summary>
public static class HookProxy
{
    public static void TriggerThen<TTyped, TGeneral>(
        this Hook<TTyped> typed, TTyped e,
        Hook<TGeneral> general, Func<TTyped, TGeneral> toGeneral,
        Action<TTyped>? core = null)
        where TTyped : HookEvent
        where TGeneral : HookEvent
    {
        typed.Trigger(e, te => general.Trigger(toGeneral(te), _ => core?.Invoke(te)));
    }

    /// <summary>OnRecord* then the matching OnModel* chain, then <paramref name="core"/>.</summary>
    public static void TriggerThen<TModel>(this Hook<RecordEvent> typed, RecordEvent e, Hook<TModel> model, Action<RecordEvent>? core = null)
        where TModel : ModelEvent
        => typed.TriggerThen(e, model, re => (TModel)re.ToModelEvent(), core);

    /// <summary>OnRecordAfter*Error then the matching OnModelAfter*Error chain, then <paramref name="core"/>.</summary>
    public static void TriggerThen(this Hook<RecordErrorEvent> typed, RecordErrorEvent e, Hook<ModelErrorEvent> model, Action<RecordErrorEvent>? core = null)
        => typed.TriggerThen(e, model, re => (ModelErrorEvent)re.ToModelEvent(), core);

    /// <summary>OnCollection* then the matching OnModel* chain, then <paramref name="core"/>.</summary>
    public static void TriggerThen<TModel>(this Hook<CollectionEvent> typed, CollectionEvent e, Hook<TModel> model, Action<CollectionEvent>? core = null)
        where TModel : ModelEvent
        => typed.TriggerThen(e, model, ce => (TModel)ce.ToModelEvent(), core);

    /// <summary>OnCollectionAfter*Error then the matching OnModelAfter*Error chain, then <paramref name="core"/>.</summary>
    public static void TriggerThen(this Hook<CollectionErrorEvent> typed, CollectionErrorEvent e, Hook<ModelErrorEvent> model, Action<CollectionErrorEvent>? core = null)
        => typed.TriggerThen(e, model, ce => (ModelErrorEvent)ce.ToModelEvent(), core);
}
