using System.Text.RegularExpressions;
using Dapper;
using Satchel.Collections.Views;
using Satchel.Data;
using Satchel.Errors;
using Satchel.Models;

namespace Satchel.Collections;

/// <summary>
/// Validates a collection about to be saved against its previous state (null when new), with
/// PocketBase's rules, codes and messages. Each setting reports only its first failing rule.
/// </summary>
public sealed class CollectionValidator
{
    private static readonly Regex NameRegex = new(@"^\w+$");
    private static readonly string[] ReservedAuthFieldNames = ["passwordConfirm", "oldPassword"];

    private readonly IDatabase _db;
    private readonly CollectionStore _store;
    private readonly CollectionRuleChecker _rules;
    private readonly Collection _new;
    private readonly Collection _old;
    private readonly bool _isNew;

    public CollectionValidator(IDatabase db, CollectionStore store, CollectionRuleChecker rules, Collection updated, Collection? original)
    {
        _db = db;
        _store = store;
        _rules = rules;
        _new = updated;
        _isNew = original == null;
        _old = original ?? CollectionDefaults.New(updated.Type, "");
    }

    /// <summary>Runs every check; the result is empty when the collection is valid.</summary>
    public ValidationErrors Validate()
    {
        var errors = new ValidationErrors();

        // A view's fields always come from its query.
        if (_new.IsView)
        {
            try { _new.Fields = new ViewFieldInference(_db, _store).CreateFields(_new.ViewQuery); }
            catch (Exception) { _new.Fields = new FieldList(); }
        }

        Add(errors, "id", CheckId);
        Add(errors, "system", () => !_isNew && _new.System != _old.System
            ? new ValidationError("validation_collection_system_flag_change", "System collection state cannot be changed.") : null);
        Add(errors, "type", CheckType);
        Add(errors, "name", CheckName);
        Add(errors, "fields", CheckFields);
        Add(errors, "listRule", () => CheckRule(_new.ListRule) ?? SystemRuleChange(_new.ListRule, _old.ListRule));
        Add(errors, "viewRule", () => CheckRule(_new.ViewRule) ?? SystemRuleChange(_new.ViewRule, _old.ViewRule));
        Add(errors, "createRule", () => ViewOnlyNil(_new.CreateRule) ?? CheckRule(_new.CreateRule) ?? SystemRuleChange(_new.CreateRule, _old.CreateRule));
        Add(errors, "updateRule", () => ViewOnlyNil(_new.UpdateRule) ?? CheckRule(_new.UpdateRule) ?? SystemRuleChange(_new.UpdateRule, _old.UpdateRule));
        Add(errors, "deleteRule", () => ViewOnlyNil(_new.DeleteRule) ?? CheckRule(_new.DeleteRule) ?? SystemRuleChange(_new.DeleteRule, _old.DeleteRule));
        Add(errors, "indexes", CheckIndexes);

        if (_new.IsAuth && _new.Auth != null)
        {
            var auth = new AuthOptionsValidator(_new, _old, _isNew, this).Validate();
            foreach (var (k, v) in auth.Items)
            {
                if (v is ValidationErrors nested) errors.AddNested(k, nested);
                else if (v is ValidationError e) errors.Add(k, e);
            }
        }
        if (_new.IsView)
        {
            Add(errors, "viewQuery", () => string.IsNullOrEmpty(_new.ViewQuery) ? CollectionErrors.Required() : CheckViewQuery());
        }
        return errors;
    }

    private static void Add(ValidationErrors errors, string key, Func<object?> check)
    {
        switch (check())
        {
            case ValidationError e: errors.Add(key, e); break;
            case ValidationErrors n when !n.IsEmpty: errors.AddNested(key, n); break;
        }
    }

    private object? CheckId()
    {
        if (_new.Id == "") return CollectionErrors.Required();
        if (!_isNew) return _new.Id == _old.Id ? null : CollectionErrors.IdChanged();
        if (_new.Id.Length > 100) return CollectionErrors.Length(1, 100);
        if (!NameRegex.IsMatch(_new.Id)) return CollectionErrors.MatchInvalid();
        return _store.IdExists(_new.Id) ? CollectionErrors.ExistingId() : null;
    }

    private object? CheckType()
    {
        if (_new.Type == "") return CollectionErrors.Required();
        if (_new.Type is not (CollectionType.Base or CollectionType.Auth or CollectionType.View)) return CollectionErrors.InvalidValue();
        if (!_isNew && _new.Type != _old.Type) return new ValidationError("validation_collection_type_change", "Collection type cannot be changed.");
        return null;
    }

    private object? CheckName()
    {
        var name = _new.Name;
        if (name == "") return CollectionErrors.Required();
        if (name.Length > 255) return CollectionErrors.Length(1, 255);
        if (name.Contains("_via_", StringComparison.OrdinalIgnoreCase)) return CollectionErrors.FoundVia();
        if (!NameRegex.IsMatch(name)) return CollectionErrors.MatchInvalid();
        if (!_isNew && _old.System && name != _old.Name)
            return new ValidationError("validation_collection_system_name_change", "System collection name cannot be changed.");
        if (!_store.IsNameUnique(name, _old.Id))
            return new ValidationError("validation_collection_name_exists", "Collection name must be unique (case insensitive).");
        if (_store.IdExists(name) && name != _new.Id)
            return new ValidationError("validation_collection_name_id_duplicate", "The name must not match an existing collection id.");
        if (_old.Name != name && _store.IsNameUnique(name) && _store.HasTable(name))
            return new ValidationError("validation_collection_name_invalid", "The name shouldn't match with an existing internal table.");
        return null;
    }

    // --- fields ---

    private object? CheckFields()
        => CheckFieldDuplicates()
           ?? CheckMinFields()
           ?? (_new.IsView ? null : CheckSystemFieldsChange() ?? CheckFieldTypeChange())
           ?? (_new.IsAuth ? CheckReservedAuthNames() : null)
           ?? CheckFieldSettings();

    private object? CheckFieldDuplicates()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < _new.Fields.Count; i++)
        {
            var f = _new.Fields[i];
            if (!ids.Add(f.Id))
                return new ValidationErrors().AddNested(i.ToString(), new ValidationErrors().Add("id",
                    "validation_duplicated_field_id", $"Duplicated or invalid field id \"{f.Id}\""));
            if (!names.Add(f.Name.ToLowerInvariant()))
                return new ValidationErrors().AddNested(i.ToString(), new ValidationErrors().Add("name",
                    "validation_duplicated_field_name", $"Duplicated or invalid field name {f.Name}"));
        }
        return null;
    }

    private object? CheckMinFields()
    {
        var fields = _new.Fields;
        if (fields.Count == 0) return CollectionErrors.Required();
        var id = Exact("id", "text");
        if (id == null || !FieldSettings.IsPrimaryKey(id))
            return new ValidationError("validation_missing_primary_key", "Missing or invalid \"id\" PK field.");
        if (!_new.IsAuth) return null;

        var mustBeSystemAndHidden = new ValidationError("validation_must_be_system_and_hidden", "The field must be marked as \"System\" and \"Hidden\".");
        var mustBeSystem = new ValidationError("validation_must_be_system", "The field must be marked as \"System\".");

        var password = Exact("password", "password");
        if (password == null) return new ValidationError("validation_missing_password_field", "System \"password\" field is required.");
        if (!password.Hidden || !password.System) return new ValidationErrors().Add("password", mustBeSystemAndHidden);

        var tokenKey = Exact("tokenKey", "text");
        if (tokenKey == null) return new ValidationError("validation_missing_tokenKey_field", "System \"tokenKey\" field is required.");
        if (!tokenKey.Hidden || !tokenKey.System) return new ValidationErrors().Add("tokenKey", mustBeSystemAndHidden);

        foreach (var (name, type) in new[] { ("email", "email"), ("emailVisibility", "bool"), ("verified", "bool") })
        {
            var f = Exact(name, type);
            if (f == null) return new ValidationError($"validation_missing_{name}_field", $"System \"{name}\" field is required.");
            if (!f.System) return new ValidationErrors().Add(name, mustBeSystem);
        }
        return null;
    }

    private Models.Fields.Field? Exact(string name, string type) => _new.Fields.FirstOrDefault(f => f.Name == name && f.Type == type)
        is { } f ? f : null;

    private object? CheckSystemFieldsChange()
    {
        if (_isNew) return null;
        foreach (var oldField in _old.Fields)
        {
            if (!oldField.System) continue;
            var f = _new.Fields.ById(oldField.Id);
            if (f == null || f.Name != oldField.Name)
                return new ValidationError("validation_system_field_change", "System fields cannot be deleted or renamed.");
        }
        return null;
    }

    private object? CheckFieldTypeChange()
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < _new.Fields.Count; i++)
        {
            var f = _new.Fields[i];
            var old = _old.Fields.ById(f.Id);
            if (old != null && old.Type != f.Type)
                errors.Add(i.ToString(), "validation_field_type_change", "Field type cannot be changed.");
        }
        return errors.IsEmpty ? null : errors;
    }

    private object? CheckReservedAuthNames()
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < _new.Fields.Count; i++)
        {
            if (ReservedAuthFieldNames.Contains(_new.Fields[i].Name))
                errors.AddNested(i.ToString(), new ValidationErrors().Add("name",
                    "validation_reserved_field_name", "The field name is reserved and cannot be used."));
        }
        return errors.IsEmpty ? null : errors;
    }

    private object? CheckFieldSettings()
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < _new.Fields.Count; i++)
        {
            var fieldErrors = FieldSettingsCheck.Validate(_new.Fields[i], _new, _isNew ? null : _old, _store);
            if (!fieldErrors.IsEmpty) errors.AddNested(i.ToString(), fieldErrors);
        }
        return errors.IsEmpty ? null : errors;
    }

    // --- rules ---

    internal ValidationError? CheckRule(string? rule)
    {
        if (string.IsNullOrEmpty(rule)) return null;
        var problem = _rules.Check(_new, rule);
        return problem == null ? null : new ValidationError("validation_invalid_rule", "Invalid rule. Raw error: " + problem);
    }

    internal ValidationError? SystemRuleChange(string? rule, string? oldRule)
    {
        if (_isNew || !_old.System) return null;
        if (rule == oldRule) return null;
        return new ValidationError("validation_collection_system_rule_change", "System collection API rule cannot be changed.");
    }

    private ValidationError? ViewOnlyNil(string? rule) => _new.IsView && rule != null ? CollectionErrors.MustBeNil() : null;

    // --- indexes ---

    private object? CheckIndexes()
    {
        var indexes = _new.Indexes;
        if (_new.IsView && indexes.Count > 0)
            return new ValidationError("validation_indexes_not_supported", "View collections don't support indexes.");

        var names = new HashSet<string>(StringComparer.Ordinal);
        var definitions = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < indexes.Count; i++)
        {
            var parsed = IndexDefinition.Parse(indexes[i]);
            // The table name is always rewritten to the collection's, so it doesn't matter here.
            parsed.TableName = "validator";
            if (!parsed.IsValid)
                return At(i, "validation_invalid_index_expression", "Invalid CREATE INDEX expression.");

            if (!names.Add(parsed.IndexName.ToLowerInvariant()))
                return At(i, "validation_duplicated_index_name", "The index name already exists.");

            var usedBy = _db.Read(c => c.ExecuteScalar<string?>(
                """
                SELECT tbl_name FROM sqlite_master WHERE type = 'index'
                  AND LOWER(tbl_name) != LOWER(@oldName) AND LOWER(tbl_name) != LOWER(@newName)
                  AND LOWER(name) = LOWER(@indexName) LIMIT 1
                """, new { oldName = _old.Name, newName = _new.Name, indexName = parsed.IndexName }));
            if (!string.IsNullOrEmpty(usedBy))
                return At(i, "validation_existing_index_name", $"The index name is already used in {usedBy} collection.");

            parsed.SchemaName = "validator";
            parsed.IndexName = "validator";
            if (!definitions.Add(parsed.Build()))
                return At(i, "validation_duplicated_index_definition", "The index definition already exists.");
        }

        if (!_isNew)
        {
            var problem = CheckSystemFieldUniqueIndexes();
            if (problem != null) return problem;
        }

        if (_new.IsAuth)
        {
            foreach (var name in new[] { "tokenKey", "email" })
            {
                if (IndexDefinition.FindSingleColumnUnique(indexes, name) == null)
                    return new ValidationError("validation_missing_required_unique_index", $"Missing required unique index for field \"{name}\".");
            }
        }
        return null;
    }

    /// <summary>A unique index over a system field may not be dropped or changed (its name, table, WHERE, collation and order may).</summary>
    private ValidationError? CheckSystemFieldUniqueIndexes()
    {
        foreach (var oldIndex in _old.Indexes)
        {
            var oldParsed = IndexDefinition.Parse(oldIndex);
            if (!oldParsed.Unique) continue;
            oldParsed.Columns = oldParsed.Columns.Select(c => c with { Collate = "", Sort = "" }).ToList();
            var oldSql = oldParsed.Build();

            var systemField = oldParsed.Columns
                .Select(col => _old.Fields.FirstOrDefault(f => f.System && f.Name.Equals(col.Name, StringComparison.OrdinalIgnoreCase)))
                .FirstOrDefault(f => f != null);
            if (systemField == null) continue;

            var match = _new.Indexes.Any(raw =>
            {
                var p = IndexDefinition.Parse(raw);
                p.SchemaName = oldParsed.SchemaName;
                p.IndexName = oldParsed.IndexName;
                p.TableName = oldParsed.TableName;
                p.Where = oldParsed.Where;
                p.Columns = p.Columns.Select(c => c with { Collate = "", Sort = "" }).ToList();
                return p.Build() == oldSql;
            });
            if (!match)
                return new ValidationError("validation_invalid_unique_system_field_index",
                    $"Unique index definition on system fields ({systemField.Name}) is invalid or missing.");
        }
        return null;
    }

    private static ValidationErrors At(int index, string code, string message) => new ValidationErrors().Add(index.ToString(), code, message);

    // --- view ---

    private ValidationError? CheckViewQuery()
    {
        try
        {
            new ViewDryRun(_db, _store).Run(_new.ViewQuery, 10);
            return null;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var raw = e.Message;
            if (raw.Length > 500) raw = raw[..500];
            return new ValidationError("validation_invalid_view_query", "Invalid query - " + raw);
        }
    }
}
