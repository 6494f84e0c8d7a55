using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using Satchel.Core;
using Satchel.Data;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Records;

/// <summary>
/// Writes records, each save or delete in one data.db transaction (joining the caller's), and
/// fires PocketBase's model hooks around it, so API requests and plugins calling
/// <see cref="IApp.SaveRecord"/> see the same events:
/// <c>OnRecordCreate</c> wraps value generation, <c>OnRecordValidate</c> and
/// <c>OnRecordCreateExecute</c> (the INSERT); <c>OnRecordAfterCreateSuccess</c> fires once the
/// outermost transaction commits and <c>OnRecordAfterCreateError</c> when the save fails or the
/// transaction rolls back. Updates and deletes follow the same pattern. Each typed record hook
/// runs the matching OnModel* chain as its innermost step.
/// </summary>
public sealed class RecordSaver(SatchelApp app)
{
    private AppHooks Hooks => app.Hooks;

    /// <summary>Validates and inserts or updates the record.</summary>
    public void Save(Record record) => Save(record, validate: true);

    /// <param name="validate">False skips the field checks (PocketBase's SaveNoValidate), e.g. when a cascade unsets a deleted id.</param>
    public void Save(Record record, bool validate)
    {
        if (record.Collection.IsView) throw new InvalidOperationException("view records cannot be saved");

        var isNew = record.IsNew;
        var type = isNew ? ModelEventType.Create : ModelEventType.Update;
        var hook = isNew ? Hooks.OnRecordCreate : Hooks.OnRecordUpdate;
        var modelHook = isNew ? Hooks.OnModelCreate : Hooks.OnModelUpdate;
        var successHook = isNew ? Hooks.OnRecordAfterCreateSuccess : Hooks.OnRecordAfterUpdateSuccess;
        var modelSuccessHook = isNew ? Hooks.OnModelAfterCreateSuccess : Hooks.OnModelAfterUpdateSuccess;
        var errorHook = isNew ? Hooks.OnRecordAfterCreateError : Hooks.OnRecordAfterUpdateError;
        var modelErrorHook = isNew ? Hooks.OnModelAfterCreateError : Hooks.OnModelAfterUpdateError;

        RunReported(record, type, errorHook, modelErrorHook,
            () => hook.TriggerThen(new RecordEvent(app, record, type), modelHook, e => Persist(e.Record, validate)),
            () => successHook.TriggerThen(new RecordEvent(app, record, type), modelSuccessHook),
            onRollback: isNew ? record.MarkAsNew : null);
    }

    /// <summary>
    /// Deletes the record, then applies its relation references: records pointing at it through a
    /// cascadeDelete relation that would be left empty are deleted too, other references lose the
    /// id, and a required relation that would be left empty refuses the delete
    /// (<see cref="RecordReferenceException"/>). All of it in one transaction.
    /// </summary>
    public void Delete(Record record)
    {
        if (record.IsNew) throw new InvalidOperationException("cannot delete an unsaved record");
        if (record.Collection.IsView) throw new InvalidOperationException("view records cannot be deleted");

        const string type = ModelEventType.Delete;
        RunReported(record, type, Hooks.OnRecordAfterDeleteError, Hooks.OnModelAfterDeleteError,
            () => Hooks.OnRecordDelete.TriggerThen(new RecordEvent(app, record, type), Hooks.OnModelDelete, e =>
                Hooks.OnRecordDeleteExecute.TriggerThen(new RecordEvent(app, e.Record, type), Hooks.OnModelDeleteExecute, ex => DeleteRow(ex.Record))),
            () => Hooks.OnRecordAfterDeleteSuccess.TriggerThen(new RecordEvent(app, record, type), Hooks.OnModelAfterDeleteSuccess),
            onRollback: null);
    }

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction, then <paramref name="success"/> once the
    /// outermost transaction committed. A failure of the work itself, or a rollback of the caller's
    /// transaction it joined, is reported to the After*Error hooks (once); a failing success
    /// handler is not, as the change is already committed.
    /// </summary>
    private void RunReported(Record record, string type, Hook<RecordErrorEvent> errorHook, Hook<ModelErrorEvent> modelErrorHook,
        Action work, Action success, Action? onRollback)
    {
        var reported = false;
        var committed = false;
        void Report(Exception error)
        {
            if (reported) return;
            reported = true;
            errorHook.TriggerThen(new RecordErrorEvent(app, record, type, error), modelErrorHook);
        }

        try
        {
            app.Db.Write((_, _) =>
            {
                work();
                app.Db.AfterCommit(() =>
                {
                    committed = true;
                    success();
                });
                app.Db.AfterRollback(() =>
                {
                    onRollback?.Invoke();
                    Report(new InvalidOperationException("the transaction was rolled back"));
                });
            });
        }
        catch (Exception ex) when (!committed)
        {
            onRollback?.Invoke();
            try { Report(ex); }
            catch (Exception handlerError) { ex.Data[HookFailure.HandlerErrorKey] = handlerError; }
            throw;
        }
    }

    // ---------------------------------------------------------------- save steps

    /// <summary>The innermost step of OnRecordCreate/OnRecordUpdate: generate, validate, execute.</summary>
    private void Persist(Record record, bool validate)
    {
        var isNew = record.IsNew;
        GenerateValues(record);
        if (validate)
            Hooks.OnRecordValidate.TriggerThen(new RecordEvent(app, record, ModelEventType.Validate), Hooks.OnModelValidate, e => Validate(e.Record));

        var type = isNew ? ModelEventType.Create : ModelEventType.Update;
        var executeHook = isNew ? Hooks.OnRecordCreateExecute : Hooks.OnRecordUpdateExecute;
        var modelExecuteHook = isNew ? Hooks.OnModelCreateExecute : Hooks.OnModelUpdateExecute;
        executeHook.TriggerThen(new RecordEvent(app, record, type), modelExecuteHook, e => Execute(e.Record));
    }

    /// <summary>Values a new record gets before validation: its id and other autogenerated text.</summary>
    private static void GenerateValues(Record record)
    {
        if (!record.IsNew) return;
        foreach (var field in record.Collection.Fields.OfType<TextField>())
        {
            if (field.AutogeneratePattern != "" && record.GetString(field.Name) == "") record.Set(field.Name, field.Autogenerate());
        }
    }

    private void Validate(Record record)
    {
        var errors = new ValidationErrors();
        foreach (var field in record.Collection.Fields)
        {
            if (field.ValidateValue(record, record.Get(field.Name)) is { } error) errors.Add(field.Name, error);
        }

        app.Db.Read(conn =>
        {
            if (record.IsNew && !errors.Has("id"))
            {
                var exists = conn.ExecuteScalar<long>($"SELECT count(*) FROM {Sql.Quote(record.Collection.Name)} WHERE id = @id", new { id = record.Id });
                if (exists > 0) errors.Add("id", "validation_invalid_or_existing_id", "The model id is invalid or already exists.");
            }
            CheckRelations(conn, record, errors);
            return 0;
        });

        errors.ThrowIfAny(record.IsNew ? "Failed to create record." : "Failed to update record.");
    }

    private void CheckRelations(IDbConnection conn, Record record, ValidationErrors errors)
    {
        foreach (var field in record.Collection.Fields.OfType<RelationField>())
        {
            if (errors.Has(field.Name)) continue;
            var ids = record.GetStrings(field.Name);
            if (ids.Count == 0) continue;
            var target = app.FindCollectionByNameOrId(field.CollectionId);
            if (target == null)
            {
                errors.Add(field.Name, "validation_missing_rel_collection", "Relation connection is missing or cannot be accessed.");
                continue;
            }
            var found = conn.ExecuteScalar<long>(
                $"SELECT count(*) FROM {Sql.Quote(target.Name)} WHERE id IN (SELECT value FROM json_each(@ids))",
                new { ids = System.Text.Json.JsonSerializer.Serialize(ids) });
            if (found != ids.Count) errors.Add(field.Name, "validation_missing_rel_records", "Failed to find all relation records with the provided ids.");
        }
    }

    /// <summary>The innermost step of OnRecordCreateExecute/OnRecordUpdateExecute: the write itself.</summary>
    private void Execute(Record record)
    {
        SetAutodates(record);
        if (record.Collection.IsAuth) PrepareAuth(record);
        HashPasswords(record);
        try
        {
            app.Db.Write((conn, tx) =>
            {
                if (record.IsNew) Insert(conn, tx, record); else Update(conn, tx, record);
            });
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw UniqueError(e, record) ?? throw ApiException.BadRequest(record.IsNew ? "Failed to create record." : "Failed to update record.");
        }
        ClearPlainPasswords(record);
        record.MarkAsPersisted();
    }

    /// <summary>Sets create/update dates, unless the caller already put a different value there.</summary>
    private static void SetAutodates(Record record)
    {
        var now = Sql.Now();
        foreach (var auto in record.Collection.Fields.OfType<AutodateField>())
        {
            var applies = record.IsNew ? auto.OnCreate : auto.OnUpdate;
            var untouched = record.GetString(auto.Name) == (record.Original(auto.Name) as string ?? "");
            if (applies && untouched) record.Set(auto.Name, now);
        }
    }

    private void PrepareAuth(Record record)
    {
        if (!record.IsNew && record.Collection.Fields.ByName(SystemFields.TokenKeyName) is TextField tokenKey)
        {
            // A new password or email voids every token issued before it.
            var password = record.Get(SystemFields.PasswordName) as PasswordValue;
            var passwordChanged = password is { Plain.Length: > 0 } || (password?.Hash ?? "") != ((record.Original(SystemFields.PasswordName) as PasswordValue)?.Hash ?? "");
            var emailChanged = record.GetString(SystemFields.EmailName) != (record.Original(SystemFields.EmailName) as string ?? "");
            var keyUnchanged = record.GetString(SystemFields.TokenKeyName) == (record.Original(SystemFields.TokenKeyName) as string ?? "");
            if (keyUnchanged && (passwordChanged || emailChanged)) record.Set(tokenKey.Name, tokenKey.Autogenerate());
        }

        // Auth ids are unique across auth collections so a token's id never matches two records
        // (which would blur API rules comparing @request.auth.id).
        if (record.IsNew)
        {
            foreach (var other in app.FindAllCollections(CollectionType.Auth).Where(c => c.Id != record.Collection.Id))
            {
                var taken = app.Db.Read(conn => conn.ExecuteScalar<long>($"SELECT count(*) FROM {Sql.Quote(other.Name)} WHERE id = @id", new { id = record.Id }));
                if (taken > 0)
                    throw ApiException.Validation(new ValidationErrors().Add("id", "validation_invalid_auth_id", "Invalid or duplicated auth record id."), "Failed to create record.");
            }
        }
    }

    /// <summary>A new plain password is hashed only now that it passed validation.</summary>
    private static void HashPasswords(Record record)
    {
        foreach (var password in record.Collection.Fields.OfType<PasswordField>())
        {
            if (record.Get(password.Name) is PasswordValue { Plain.Length: > 0, Hash.Length: 0 } pv)
                record.Set(password.Name, pv with { Hash = BCrypt.Net.BCrypt.HashPassword(pv.Plain, password.EffectiveCost) });
        }
    }

    /// <summary>Like PocketBase, the plain password is forgotten once the record is saved.</summary>
    private static void ClearPlainPasswords(Record record)
    {
        foreach (var password in record.Collection.Fields.OfType<PasswordField>())
        {
            if (record.Get(password.Name) is PasswordValue { Plain.Length: > 0 } pv) record.Set(password.Name, pv with { Plain = "" });
        }
    }

    private static void Insert(IDbConnection conn, IDbTransaction tx, Record record)
    {
        var fields = record.Collection.Fields.ToList();
        var columns = string.Join(", ", fields.Select(f => Sql.Quote(f.Name)));
        var values = string.Join(", ", fields.Select((_, i) => "@p" + i));
        var args = new DynamicParameters();
        for (var i = 0; i < fields.Count; i++) args.Add("p" + i, fields[i].ToDbValue(record.Get(fields[i].Name)));
        conn.Execute($"INSERT INTO {Sql.Quote(record.Collection.Name)} ({columns}) VALUES ({values})", args, tx);
    }

    private static void Update(IDbConnection conn, IDbTransaction tx, Record record)
    {
        var changed = record.ChangedFields().Select(n => record.Collection.Fields.ByName(n)!).ToList();
        if (record.Get(SystemFields.PasswordName) is PasswordValue { Plain.Length: > 0 } && record.Collection.Fields.ByName(SystemFields.PasswordName) is { } pw && !changed.Contains(pw))
            changed.Add(pw);
        if (changed.Count == 0) return;
        var args = new DynamicParameters();
        var sets = changed.Select((f, i) => { args.Add("p" + i, f.ToDbValue(record.Get(f.Name))); return $"{Sql.Quote(f.Name)} = @p{i}"; });
        args.Add("id", record.Original("id") as string ?? record.Id);
        conn.Execute($"UPDATE {Sql.Quote(record.Collection.Name)} SET {string.Join(", ", sets)} WHERE id = @id", args, tx);
    }

    /// <summary>"SQLite Error 19: 'UNIQUE constraint failed: users.email'." → {"email": validation_not_unique}.</summary>
    private static ApiException? UniqueError(SqliteException e, Record record)
    {
        const string marker = "unique constraint failed:";
        var msg = e.Message.ToLowerInvariant();
        var at = msg.IndexOf(marker, StringComparison.Ordinal);
        if (at < 0) return null;
        var failed = msg[(at + marker.Length)..]
            .Split([',', ' ', '\''], StringSplitOptions.RemoveEmptyEntries)
            .Select(t => t.TrimEnd('.'))
            .ToHashSet(StringComparer.Ordinal);
        var errors = new ValidationErrors();
        foreach (var f in record.Collection.Fields)
        {
            if (failed.Contains(record.Collection.Name.ToLowerInvariant() + "." + f.Name.ToLowerInvariant()))
                errors.Add(f.Name, "validation_not_unique", "Value must be unique.");
        }
        return errors.IsEmpty ? null : ApiException.Validation(errors, record.IsNew ? "Failed to create record." : "Failed to update record.");
    }

    // ---------------------------------------------------------------- delete steps

    /// <summary>The innermost step of OnRecordDeleteExecute: the row first (so mutual references cannot loop), then its references.</summary>
    private void DeleteRow(Record record)
    {
        app.Db.Write((conn, tx) =>
            conn.Execute($"DELETE FROM {Sql.Quote(record.Collection.Name)} WHERE id = @id", new { id = record.Id }, tx));
        RecordCascade.Apply(app, this, record);
        RecordFileUploads.OnRecordDeleted(app, record);
    }
}
