using Satchel.Hooks;
using Satchel.Models;

namespace Satchel.Collections;

/// <summary>
/// Fires a collection hook and its model hook together: the OnCollection* chain runs first and
/// the OnModel* chain of the same name is its innermost step, around the core's own work.
/// </summary>
internal sealed class CollectionHooks(IApp app)
{
    private AppHooks H => app.Hooks;

    public void Validate(Collection c, Action core)
        => Run(H.OnCollectionValidate, H.OnModelValidate, c, ModelEventType.Validate, core);

    public void Save(Collection c, bool isNew, Action core)
        => Run(isNew ? H.OnCollectionCreate : H.OnCollectionUpdate, isNew ? H.OnModelCreate : H.OnModelUpdate,
            c, isNew ? ModelEventType.Create : ModelEventType.Update, core);

    public void SaveExecute(Collection c, bool isNew, Action core)
        => Run(isNew ? H.OnCollectionCreateExecute : H.OnCollectionUpdateExecute, isNew ? H.OnModelCreateExecute : H.OnModelUpdateExecute,
            c, isNew ? ModelEventType.Create : ModelEventType.Update, core);

    public void Delete(Collection c, Action core) => Run(H.OnCollectionDelete, H.OnModelDelete, c, ModelEventType.Delete, core);

    public void DeleteExecute(Collection c, Action core)
        => Run(H.OnCollectionDeleteExecute, H.OnModelDeleteExecute, c, ModelEventType.Delete, core);

    public void AfterSuccess(Collection c, string type)
    {
        var (ch, mh) = type switch
        {
            ModelEventType.Create => (H.OnCollectionAfterCreateSuccess, H.OnModelAfterCreateSuccess),
            ModelEventType.Update => (H.OnCollectionAfterUpdateSuccess, H.OnModelAfterUpdateSuccess),
            _ => (H.OnCollectionAfterDeleteSuccess, H.OnModelAfterDeleteSuccess),
        };
        Run(ch, mh, c, type, () => { });
    }

    public void AfterError(Collection c, string type, Exception error)
    {
        var (ch, mh) = type switch
        {
            ModelEventType.Create => (H.OnCollectionAfterCreateError, H.OnModelAfterCreateError),
            ModelEventType.Update => (H.OnCollectionAfterUpdateError, H.OnModelAfterUpdateError),
            _ => (H.OnCollectionAfterDeleteError, H.OnModelAfterDeleteError),
        };
        var ce = new CollectionErrorEvent(app, c, type, error);
        ch.Trigger(ce, e => mh.Trigger((ModelErrorEvent)e.ToModelEvent(), _ => { }));
    }

    private void Run(Hook<CollectionEvent> collectionHook, Hook<ModelEvent> modelHook, Collection c, string type, Action core)
    {
        var ce = new CollectionEvent(app, c, type);
        collectionHook.Trigger(ce, e => modelHook.Trigger(e.ToModelEvent(), _ => core()));
    }
}
