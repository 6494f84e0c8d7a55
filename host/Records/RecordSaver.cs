using System.Data;
using Dapper;
using Microsoft.Data.Sqlite;
using Satchel.Core;
using Satchel.Data;
using Satchel.Errors;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Records;

/// <summary>
/// Validates and writes records, each save in one data.db transaction: fills generated values
/// (id, autodates, tokenKey), hashes a new password, checks every field, then inserts or updates
/// and maps UNIQUE violations to PocketBase's per-field errors.
/// </summary>
public sealed class RecordSaver(SatchelApp app)
{
    public void Save(Record record)
    {
        var wasNew = record.IsNew;
        app.Db.Write((conn, tx) =>
        {
            Prepare(record);
            Validate(conn, tx, record);
            try
            {
                if (record.IsNew) Insert(conn, tx, record); else Update(conn, tx, record);
            }
            catch (SqliteException e) when (e.SqliteErrorCode == 19)
            {
                throw UniqueError(e, record) ?? throw ApiException.BadRequest("Failed to save the record.");
            }
        });
        record.MarkAsPersisted();
        if (wasNew) app.Db.AfterRollback(record.MarkAsNew);
    }

    public void Delete(Record record)
    {
        if (record.IsNew) throw new InvalidOperationException("cannot delete an unsaved record");
        app.Db.Write((conn, tx) =>
            conn.Execute($"DELETE FROM {Sql.Quote(record.Collection.Name)} WHERE id = @id", new { id = record.Id }, tx));
    }

    /// <summary>Fills the values the engine generates.</summary>
    private void Prepare(Record record)
    {
        var now = Sql.Now();
        var isNew = record.IsNew;
        foreach (var field in record.Collection.Fields)
        {
            switch (field)
            {
                case TextField { PrimaryKey: true } id when isNew && record.GetString(id.Name) == "":
                    record.Set(id.Name, id.Autogenerate());
                    break;
                case TextField { AutogeneratePattern.Length: > 0 } text when record.GetString(text.Name) == "":
                    record.Set(text.Name, text.Autogenerate());
                    break;
                case AutodateField auto when (isNew && auto.OnCreate) || auto.OnUpdate:
                    record.Set(auto.Name, now);
                    break;
            }
        }

        if (record.Collection.IsAuth && !isNew && record.Collection.Fields.ByName("tokenKey") is TextField tokenKey)
        {
            // A new password or email voids every token issued before it.
            var passwordChanged = record.Get("password") is PasswordValue { Plain.Length: > 0 };
            var emailChanged = record.GetString("email") != (record.Original("email") as string ?? record.GetString("email"));
            var keyUnchanged = record.GetString("tokenKey") == (record.Original("tokenKey") as string ?? "");
            if (keyUnchanged && (passwordChanged || emailChanged)) record.Set("tokenKey", tokenKey.Autogenerate());
        }
    }

    private void Validate(IDbConnection conn, IDbTransaction tx, Record record)
    {
        var errors = new ValidationErrors();
        foreach (var field in record.Collection.Fields)
        {
            if (field.ValidateValue(record, record.Get(field.Name)) is { } error) errors.Add(field.Name, error);
        }

        if (record.IsNew && !errors.Has("id"))
        {
            var exists = conn.ExecuteScalar<long>($"SELECT count(*) FROM {Sql.Quote(record.Collection.Name)} WHERE id = @id", new { id = record.Id }, tx);
            if (exists > 0) errors.Add("id", "validation_invalid_or_existing_id", "The model id is invalid or already exists.");
        }

        foreach (var field in record.Collection.Fields.OfType<RelationField>())
        {
            if (errors.Has(field.Name)) continue;
            var ids = record.GetStrings(field.Name);
            if (ids.Count == 0) continue;
            var target = app.FindCollectionByNameOrId(field.CollectionId);
            if (target == null)
            {
                errors.Add(field.Name, "validation_missing_rel_collection", "Relation connection is missing or cannot be accessed");
                continue;
            }
            var found = conn.ExecuteScalar<long>($"SELECT count(*) FROM {Sql.Quote(target.Name)} WHERE id IN @ids", new { ids }, tx);
            if (found != ids.Count) errors.Add(field.Name, "validation_missing_rel_records", "Failed to find all relation records with the provided ids");
        }

        errors.ThrowIfAny(record.IsNew ? "Failed to create record." : "Failed to update record.");

        // Only now that the plain password passed its checks is it hashed.
        foreach (var password in record.Collection.Fields.OfType<PasswordField>())
        {
            if (record.Get(password.Name) is PasswordValue { Plain.Length: > 0, Hash.Length: 0 } pv)
                record.Set(password.Name, pv with { Hash = BCrypt.Net.BCrypt.HashPassword(pv.Plain, password.EffectiveCost) });
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
        if (record.Get("password") is PasswordValue { Plain.Length: > 0 } && record.Collection.Fields.ByName("password") is { } pw && !changed.Contains(pw))
            changed.Add(pw);
        if (changed.Count == 0) return;
        var args = new DynamicParameters();
        var sets = changed.Select((f, i) => { args.Add("p" + i, f.ToDbValue(record.Get(f.Name))); return $"{Sql.Quote(f.Name)} = @p{i}"; });
        args.Add("id", record.Original("id") as string ?? record.Id);
        conn.Execute($"UPDATE {Sql.Quote(record.Collection.Name)} SET {string.Join(", ", sets)} WHERE id = @id", args, tx);
    }

    /// <summary>"UNIQUE constraint failed: users.email" → {"email": validation_not_unique}.</summary>
    private static ApiException? UniqueError(SqliteException e, Record record)
    {
        var msg = e.Message.ToLowerInvariant();
        if (!msg.Contains("unique constraint failed")) return null;
        msg = msg.Replace(",", " ") + " ";
        var errors = new ValidationErrors();
        foreach (var f in record.Collection.Fields)
        {
            if (msg.Contains(" " + record.Collection.Name.ToLowerInvariant() + "." + f.Name.ToLowerInvariant() + " "))
                errors.Add(f.Name, "validation_not_unique", "Value must be unique");
        }
        return errors.IsEmpty ? null : ApiException.Validation(errors, record.IsNew ? "Failed to create record." : "Failed to update record.");
    }
}
