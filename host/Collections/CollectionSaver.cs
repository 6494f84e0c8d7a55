using Satchel.Collections.Views;
using Satchel.Core;
using Satchel.Models;

namespace Satchel.Collections;

/// <summary>
/// Validates a collection and applies it – the <c>_collections</c> row and its records table or
/// SQL view – in one data.db transaction, then reloads the collection cache once it commits.
/// </summary>
public sealed class CollectionSaver(SatchelApp app)
{
    private CollectionStore Store => new(app.Db);

    /// <summary>Creates or updates the collection (an existing row with its id means update).</summary>
    public void Save(Collection collection) => Save(collection, isNew: null, validate: true);

    /// <param name="isNew">Whether to insert; null decides by whether the id exists.</param>
    /// <param name="validate">False skips validation (used by imports, which validate everything at the end).</param>
    public void Save(Collection collection, bool? isNew, bool validate)
    {
        var store = Store;
        var hooks = new CollectionHooks(app);
        var creating = isNew ?? !(collection.Id != "" && store.IdExists(collection.Id));
        var type = creating ? Hooks.ModelEventType.Create : Hooks.ModelEventType.Update;
        try
        {
            app.Db.Write((_, _) =>
            {
                var original = creating ? null : store.FindByNameOrId(collection.Id)
                    ?? throw new InvalidOperationException($"missing collection \"{collection.Id}\" to update");

                CollectionDefaults.NormalizeForSave(collection, creating, store.IdExists);
                hooks.Save(collection, creating, () =>
                {
                    if (validate)
                    {
                        hooks.Validate(collection, () =>
                        {
                            var errors = new CollectionValidator(app.Db, store, new CollectionRuleChecker(store), collection, original).Validate();
                            if (!errors.IsEmpty) throw new CollectionValidationException(errors);
                        });
                    }
                    hooks.SaveExecute(collection, creating, () => Execute(collection, original, store));
                });
            });
        }
        catch (Exception e)
        {
            hooks.AfterError(collection, type, e);
            throw;
        }
        app.Db.AfterCommit(() => hooks.AfterSuccess(collection, type));
        ReloadAfterCommit(collection.Id);
    }

    private void Execute(Collection c, Collection? old, CollectionStore store)
    {
        // A changed auth rule voids the auth tokens issued under the previous one.
        if (old != null && c.IsAuth && c.Auth != null && old.Auth != null && old.Auth.AuthRule != c.Auth.AuthRule)
            c.Auth.AuthToken.Secret = SecretGenerator.Random(50);

        if (c.IsView)
        {
            var fields = new ViewFieldInference(app.Db, store).CreateFields(c.ViewQuery);
            if (old != null) ViewSchema.Drop(app.Db, old.Name);
            ViewSchema.Save(app.Db, c.Name, ViewSchema.NormalizeId(app.Db, c.ViewQuery));
            c.Fields = fields;
        }

        app.Db.Write((conn, tx) =>
        {
            if (old == null) store.Insert(conn, tx, c);
            else store.Update(conn, tx, c);
        });

        if (!c.IsView) new CollectionTableSync(app.Db, store).Sync(c, old);
    }

    /// <summary>Deletes the collection, its records table or view, and (after commit) its files.</summary>
    /// <param name="integrityChecks">False skips the reference and view dependency checks (imports with deleteMissing).</param>
    public void Delete(Collection collection, bool integrityChecks = true)
    {
        var store = Store;
        var hooks = new CollectionHooks(app);
        try
        {
            app.Db.Write((conn, tx) => hooks.Delete(collection, () =>
            {
                if (collection.System) throw new CollectionDeleteException($"[{collection.Name}] system collections cannot be deleted");
                if (integrityChecks)
                {
                    var refs = CollectionReferences.To(store.FindAll(), collection, excludeSelf: true);
                    if (refs.Count > 0)
                        throw new CollectionDeleteException($"[{collection.Name}] failed to delete due to existing relation references: "
                            + string.Join(", ", refs.Select(r => r.Collection.Name).Distinct()));
                }

                hooks.DeleteExecute(collection, () =>
                {
                    if (collection.IsView) ViewSchema.Drop(app.Db, collection.Name);
                    else new CollectionTableSync(app.Db, store).DropTable(collection);

                    if (integrityChecks)
                    {
                        try { ResaveChangedViews(store, collection.Id); }
                        catch (Exception e) when (e is not CollectionDeleteException)
                        {
                            throw new CollectionDeleteException($"[{collection.Name}] failed to delete due to existing view dependency: {e.Message}", e);
                        }
                    }

                    store.Delete(conn, tx, collection.Id);
                });
            }));
        }
        catch (Exception e)
        {
            hooks.AfterError(collection, Hooks.ModelEventType.Delete, e);
            throw;
        }

        // Its files go from whichever storage is in use (after the commit).
        Records.RecordFileUploads.OnCollectionDeleted(app, collection);
        app.Db.AfterCommit(app.Collections.Reload);
        app.Db.AfterCommit(() => hooks.AfterSuccess(collection, Hooks.ModelEventType.Delete));
    }

    private void ReloadAfterCommit(string savedId)
    {
        app.Db.AfterCommit(() =>
        {
            app.Collections.Reload();
            // Views reading the changed collection may now have other fields; a view whose query no
            // longer works is left as is for the user to fix (as PocketBase does).
            try
            {
                var store = Store;
                app.Db.Write((_, _) => ResaveChangedViews(store, savedId));
                app.Collections.Reload();
            }
            catch (Exception)
            {
                app.Collections.Reload();
            }
        });
    }

    /// <summary>Re-saves every view (except <paramref name="excludeId"/>) whose inferred fields changed; throws the first failure.</summary>
    private void ResaveChangedViews(CollectionStore store, string excludeId)
    {
        var failures = new List<string>();
        foreach (var view in store.FindAll().Where(c => c.IsView && c.Id != excludeId))
        {
            try
            {
                var fresh = new ViewFieldInference(app.Db, store).CreateFields(view.ViewQuery);
                if (FieldsSignature(fresh) == FieldsSignature(view.Fields)) continue;
                Save(view, isNew: false, validate: true);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failures.Add($"[{view.Name}] {e.Message}");
            }
        }
        if (failures.Count > 0) throw new InvalidOperationException(string.Join("; ", failures));
    }

    // Field definitions compared without their ids (clone ids are random).
    private static string FieldsSignature(IEnumerable<Models.Fields.Field> fields)
        => string.Join("|", fields.Select(f =>
        {
            var json = f.ToJsonObject();
            json.Remove("id");
            return json.ToJsonString();
        })).ToLowerInvariant();
}

/// <summary>A collection that cannot be deleted (system, referenced, or needed by a view).</summary>
public sealed class CollectionDeleteException(string message, Exception? inner = null) : Exception(message, inner);
