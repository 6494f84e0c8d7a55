namespace Satchel.Hooks;

// The base model hooks fire for every persisted object. For records and collections the engine
// triggers the typed hook first (OnRecord*/OnCollection*) and runs the matching OnModel* chain as
// that chain's innermost step (see HookProxy.TriggerThen), so record/collection handlers wrap
// model handlers, which wrap the core.
public sealed partial class AppHooks
{
    /// <summary>Fires when any model is validated; for records/collections after OnRecordValidate/OnCollectionValidate handlers.</summary>
    public Hook<ModelEvent> OnModelValidate { get; } = new();

    /// <summary>Fires when any model is about to be inserted (before validation and INSERT); after the OnRecordCreate/OnCollectionCreate handlers.</summary>
    public Hook<ModelEvent> OnModelCreate { get; } = new();

    /// <summary>Fires after a model's validation, right before its INSERT; after the OnRecordCreateExecute/OnCollectionCreateExecute handlers.</summary>
    public Hook<ModelEvent> OnModelCreateExecute { get; } = new();

    /// <summary>Fires once a model insert is persisted (after commit); after the OnRecord/OnCollectionAfterCreateSuccess handlers.</summary>
    public Hook<ModelEvent> OnModelAfterCreateSuccess { get; } = new();

    /// <summary>Fires when a model insert fails or its transaction rolls back; after the OnRecord/OnCollectionAfterCreateError handlers.</summary>
    public Hook<ModelErrorEvent> OnModelAfterCreateError { get; } = new();

    /// <summary>Fires when any model is about to be updated (before validation and UPDATE); after the OnRecordUpdate/OnCollectionUpdate handlers.</summary>
    public Hook<ModelEvent> OnModelUpdate { get; } = new();

    /// <summary>Fires after a model's validation, right before its UPDATE; after the OnRecordUpdateExecute/OnCollectionUpdateExecute handlers.</summary>
    public Hook<ModelEvent> OnModelUpdateExecute { get; } = new();

    /// <summary>Fires once a model update is persisted (after commit); after the OnRecord/OnCollectionAfterUpdateSuccess handlers.</summary>
    public Hook<ModelEvent> OnModelAfterUpdateSuccess { get; } = new();

    /// <summary>Fires when a model update fails or its transaction rolls back; after the OnRecord/OnCollectionAfterUpdateError handlers.</summary>
    public Hook<ModelErrorEvent> OnModelAfterUpdateError { get; } = new();

    /// <summary>Fires when any model is about to be deleted (before the delete checks); after the OnRecordDelete/OnCollectionDelete handlers.</summary>
    public Hook<ModelEvent> OnModelDelete { get; } = new();

    /// <summary>Fires after the delete checks, right before a model's DELETE; after the OnRecordDeleteExecute/OnCollectionDeleteExecute handlers.</summary>
    public Hook<ModelEvent> OnModelDeleteExecute { get; } = new();

    /// <summary>Fires once a model delete is persisted (after commit); after the OnRecord/OnCollectionAfterDeleteSuccess handlers.</summary>
    public Hook<ModelEvent> OnModelAfterDeleteSuccess { get; } = new();

    /// <summary>Fires when a model delete fails or its transaction rolls back; after the OnRecord/OnCollectionAfterDeleteError handlers.</summary>
    public Hook<ModelErrorEvent> OnModelAfterDeleteError { get; } = new();
}
