namespace Satchel.Hooks;

// Record model hooks: fired by every record save or delete, from any caller, without a request.
// Each is the record-typed proxy of the OnModel* hook of the same name: the engine triggers both,
// the record chain first, with the model chain as its innermost step.
public sealed partial class AppHooks
{
    /// <summary>Fires each time a record is about to be serialised for a client (API answer or realtime message).</summary>
    public Hook<RecordEnrichEvent> OnRecordEnrich { get; } = new();

    /// <summary>Fires when a record is validated (on save, unless saved without validation); proxies OnModelValidate, record first.</summary>
    public Hook<RecordEvent> OnRecordValidate { get; } = new();

    /// <summary>Fires when a new record is about to be saved: before Next, ahead of validation and INSERT; after Next, once they ran. Proxies OnModelCreate, record first.</summary>
    public Hook<RecordEvent> OnRecordCreate { get; } = new();

    /// <summary>Fires after a new record passed validation, right before its INSERT; proxies OnModelCreateExecute, record first.</summary>
    public Hook<RecordEvent> OnRecordCreateExecute { get; } = new();

    /// <summary>Fires once a new record is persisted (after its transaction commits); proxies OnModelAfterCreateSuccess, record first.</summary>
    public Hook<RecordEvent> OnRecordAfterCreateSuccess { get; } = new();

    /// <summary>Fires when creating a record fails or its transaction rolls back; carries the exception. Proxies OnModelAfterCreateError, record first.</summary>
    public Hook<RecordErrorEvent> OnRecordAfterCreateError { get; } = new();

    /// <summary>Fires when an existing record is about to be saved: before Next, ahead of validation and UPDATE; after Next, once they ran. Proxies OnModelUpdate, record first.</summary>
    public Hook<RecordEvent> OnRecordUpdate { get; } = new();

    /// <summary>Fires after a changed record passed validation, right before its UPDATE; proxies OnModelUpdateExecute, record first.</summary>
    public Hook<RecordEvent> OnRecordUpdateExecute { get; } = new();

    /// <summary>Fires once a record update is persisted (after its transaction commits); proxies OnModelAfterUpdateSuccess, record first.</summary>
    public Hook<RecordEvent> OnRecordAfterUpdateSuccess { get; } = new();

    /// <summary>Fires when updating a record fails or its transaction rolls back; carries the exception. Proxies OnModelAfterUpdateError, record first.</summary>
    public Hook<RecordErrorEvent> OnRecordAfterUpdateError { get; } = new();

    /// <summary>Fires when a record is about to be deleted: before Next, ahead of the delete checks and DELETE; after Next, once they ran. Proxies OnModelDelete, record first.</summary>
    public Hook<RecordEvent> OnRecordDelete { get; } = new();

    /// <summary>Fires after the delete checks (references, cascades), right before the record's DELETE; proxies OnModelDeleteExecute, record first.</summary>
    public Hook<RecordEvent> OnRecordDeleteExecute { get; } = new();

    /// <summary>Fires once a record delete is persisted (after its transaction commits); proxies OnModelAfterDeleteSuccess, record first.</summary>
    public Hook<RecordEvent> OnRecordAfterDeleteSuccess { get; } = new();

    /// <summary>Fires when deleting a record fails or its transaction rolls back; carries the exception. Proxies OnModelAfterDeleteError, record first.</summary>
    public Hook<RecordErrorEvent> OnRecordAfterDeleteError { get; } = new();
}
