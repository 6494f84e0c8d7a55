namespace Satchel.Hooks;

// Collection model hooks: fired by every collection save or delete, without a request. Each is the
// collection-typed proxy of the OnModel* hook of the same name: the engine triggers both, the
// collection chain first, with the model chain as its innermost step.
public sealed partial class AppHooks
{
    /// <summary>Fires when a collection is validated (on save); proxies OnModelValidate, collection first.</summary>
    public Hook<CollectionEvent> OnCollectionValidate { get; } = new();

    /// <summary>Fires when a new collection is about to be saved (before validation, INSERT and table creation); proxies OnModelCreate, collection first.</summary>
    public Hook<CollectionEvent> OnCollectionCreate { get; } = new();

    /// <summary>Fires after a new collection passed validation, right before it is written; proxies OnModelCreateExecute, collection first.</summary>
    public Hook<CollectionEvent> OnCollectionCreateExecute { get; } = new();

    /// <summary>Fires once a new collection is persisted (after commit); proxies OnModelAfterCreateSuccess, collection first.</summary>
    public Hook<CollectionEvent> OnCollectionAfterCreateSuccess { get; } = new();

    /// <summary>Fires when creating a collection fails or rolls back; carries the exception. Proxies OnModelAfterCreateError, collection first.</summary>
    public Hook<CollectionErrorEvent> OnCollectionAfterCreateError { get; } = new();

    /// <summary>Fires when an existing collection is about to be saved (before validation and the schema change); proxies OnModelUpdate, collection first.</summary>
    public Hook<CollectionEvent> OnCollectionUpdate { get; } = new();

    /// <summary>Fires after a changed collection passed validation, right before it is written; proxies OnModelUpdateExecute, collection first.</summary>
    public Hook<CollectionEvent> OnCollectionUpdateExecute { get; } = new();

    /// <summary>Fires once a collection update is persisted (after commit); proxies OnModelAfterUpdateSuccess, collection first.</summary>
    public Hook<CollectionEvent> OnCollectionAfterUpdateSuccess { get; } = new();

    /// <summary>Fires when updating a collection fails or rolls back; carries the exception. Proxies OnModelAfterUpdateError, collection first.</summary>
    public Hook<CollectionErrorEvent> OnCollectionAfterUpdateError { get; } = new();

    /// <summary>Fires when a collection is about to be deleted (before the delete checks); proxies OnModelDelete, collection first.</summary>
    public Hook<CollectionEvent> OnCollectionDelete { get; } = new();

    /// <summary>Fires after the delete checks, right before the collection and its table are dropped; proxies OnModelDeleteExecute, collection first.</summary>
    public Hook<CollectionEvent> OnCollectionDeleteExecute { get; } = new();

    /// <summary>Fires once a collection delete is persisted (after commit); proxies OnModelAfterDeleteSuccess, collection first.</summary>
    public Hook<CollectionEvent> OnCollectionAfterDeleteSuccess { get; } = new();

    /// <summary>Fires when deleting a collection fails or rolls back; carries the exception. Proxies OnModelAfterDeleteError, collection first.</summary>
    public Hook<CollectionErrorEvent> OnCollectionAfterDeleteError { get; } = new();

    // --- collection API requests (superusers only) ---

    /// <summary>Fires on GET /api/collections, before the page is answered.</summary>
    public Hook<CollectionsListRequestEvent> OnCollectionsListRequest { get; } = new();

    /// <summary>Fires on GET /api/collections/{collection}, before it is answered.</summary>
    public Hook<CollectionRequestEvent> OnCollectionViewRequest { get; } = new();

    /// <summary>Fires on POST /api/collections with the submitted collection, before it is saved.</summary>
    public Hook<CollectionRequestEvent> OnCollectionCreateRequest { get; } = new();

    /// <summary>Fires on PATCH /api/collections/{collection} with the changed collection, before it is saved.</summary>
    public Hook<CollectionRequestEvent> OnCollectionUpdateRequest { get; } = new();

    /// <summary>Fires on DELETE /api/collections/{collection}, before it is deleted.</summary>
    public Hook<CollectionRequestEvent> OnCollectionDeleteRequest { get; } = new();

    /// <summary>Fires on PUT /api/collections/import, before the import runs.</summary>
    public Hook<CollectionsImportRequestEvent> OnCollectionsImportRequest { get; } = new();
}
