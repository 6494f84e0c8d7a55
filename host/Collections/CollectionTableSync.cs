using Dapper;
using Satchel.Data;
using Satchel.Errors;
using Satchel.Models;

namespace Satchel.Collections;

/// <summary>
/// Keeps a base/auth collection's records table in step with its definition: creates it, renames
/// it, adds/drops/renames columns (fields are matched by id, so a renamed field keeps its data),
/// converts single↔multiple value columns and recreates the indexes. Runs in the current
/// transaction; any failure rolls the whole change back.
/// </summary>
public sealed class CollectionTableSync(IDatabase db, CollectionStore store)
{
    public void Sync(Collection updated, Collection? old)
    {
        if (updated.IsView) return;
        db.Write((conn, tx) =>
        {
            if (old == null || !store.HasTable(old.Name))
            {
                CreateTable(conn, tx, updated);
                CreateIndexes(conn, tx, updated);
                return;
            }

            var rename = !string.Equals(old.Name, updated.Name, StringComparison.OrdinalIgnoreCase);
            var indexesChanged = rename
                || CollectionJson.FieldsJson(old).ToJsonString() != CollectionJson.FieldsJson(updated).ToJsonString()
                || !old.Indexes.SequenceEqual(updated.Indexes);

            if (indexesChanged) DropIndexes(conn, tx, old);
            if (rename) conn.Execute($"ALTER TABLE {Sql.Quote(old.Name)} RENAME TO {Sql.Quote(updated.Name)}", transaction: tx);
            else if (old.Name != updated.Name)
            {
                // A case-only rename: SQLite treats both names as the same table, so go through a temporary name.
                var temp = "_temp_" + SecretGenerator.Random(8);
                conn.Execute($"ALTER TABLE {Sql.Quote(old.Name)} RENAME TO {Sql.Quote(temp)}", transaction: tx);
                conn.Execute($"ALTER TABLE {Sql.Quote(temp)} RENAME TO {Sql.Quote(updated.Name)}", transaction: tx);
            }

            var table = Sql.Quote(updated.Name);
            foreach (var oldField in old.Fields)
            {
                if (updated.Fields.ById(oldField.Id) != null) continue;
                conn.Execute($"ALTER TABLE {table} DROP COLUMN {Sql.Quote(oldField.Name)}", transaction: tx);
            }

            // New and renamed columns go through a temporary name first, so swapped names never collide.
            var toRename = new List<(string Temp, string Final)>();
            foreach (var field in updated.Fields)
            {
                var oldField = old.Fields.ById(field.Id);
                if (oldField == null)
                {
                    var temp = field.Name + SecretGenerator.Random(5);
                    conn.Execute($"ALTER TABLE {table} ADD COLUMN {Sql.Quote(temp)} {field.ColumnDefinition}", transaction: tx);
                    toRename.Add((temp, field.Name));
                }
                else if (oldField.Name != field.Name)
                {
                    var temp = field.Name + SecretGenerator.Random(5);
                    conn.Execute($"ALTER TABLE {table} RENAME COLUMN {Sql.Quote(oldField.Name)} TO {Sql.Quote(temp)}", transaction: tx);
                    toRename.Add((temp, field.Name));
                }
            }
            foreach (var (temp, final) in toRename)
                conn.Execute($"ALTER TABLE {table} RENAME COLUMN {Sql.Quote(temp)} TO {Sql.Quote(final)}", transaction: tx);

            ConvertSingleMultiple(conn, tx, updated, old);

            if (indexesChanged) CreateIndexes(conn, tx, updated);
        });
    }

    public void DropTable(Collection c)
        => db.Write((conn, tx) => { conn.Execute($"DROP TABLE IF EXISTS {Sql.Quote(c.Name)}", transaction: tx); });

    private static void CreateTable(System.Data.IDbConnection conn, System.Data.IDbTransaction tx, Collection c)
    {
        // Columns in name order, as PocketBase creates them.
        var columns = c.Fields.OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => $"{Sql.Quote(f.Name)} {f.ColumnDefinition}");
        conn.Execute($"CREATE TABLE {Sql.Quote(c.Name)} ({string.Join(", ", columns)})", transaction: tx);
    }

    private static void DropIndexes(System.Data.IDbConnection conn, System.Data.IDbTransaction tx, Collection c)
    {
        foreach (var raw in c.Indexes)
        {
            var parsed = IndexDefinition.Parse(raw);
            if (parsed.IndexName == "") throw new InvalidOperationException($"failed to drop index - missing index name: {raw}");
            conn.Execute($"DROP INDEX IF EXISTS {Sql.Quote(parsed.IndexName)}", transaction: tx);
        }
    }

    /// <summary>Creates the collection's indexes; a failing one is reported under indexes.N like PocketBase.</summary>
    private static void CreateIndexes(System.Data.IDbConnection conn, System.Data.IDbTransaction tx, Collection c)
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < c.Indexes.Count; i++)
        {
            var parsed = IndexDefinition.Parse(c.Indexes[i]);
            parsed.TableName = c.Name;
            if (!parsed.IsValid)
            {
                errors.Add(i.ToString(), "validation_invalid_index_expression", "Invalid CREATE INDEX expression.");
                continue;
            }
            try
            {
                conn.Execute(parsed.Build(), transaction: tx);
            }
            catch (Microsoft.Data.Sqlite.SqliteException e)
            {
                errors.Add(i.ToString(), "validation_invalid_index_expression", $"Failed to create index {parsed.IndexName} - {e.Message}.");
            }
        }
        if (!errors.IsEmpty) throw new CollectionValidationException(new ValidationErrors().AddNested("indexes", errors));
    }

    /// <summary>A field switched between one and many values: rewrite its column and convert the stored values.</summary>
    private static void ConvertSingleMultiple(System.Data.IDbConnection conn, System.Data.IDbTransaction tx, Collection updated, Collection old)
    {
        foreach (var field in updated.Fields)
        {
            var oldField = old.Fields.ById(field.Id);
            var wasMultiple = oldField != null && FieldSettings.IsMultiple(oldField);
            var isMultiple = FieldSettings.IsMultiple(field);
            if (wasMultiple == isMultiple) continue;

            // Views may reference the column; drop them while the column is swapped and restore them after.
            var views = conn.Query("SELECT name, sql FROM sqlite_master WHERE type = 'view' AND sql IS NOT NULL", transaction: tx)
                .Select(r => ((string)r.name, (string)r.sql)).ToList();
            foreach (var (name, _) in views) conn.Execute($"DROP VIEW IF EXISTS {Sql.Quote(name)}", transaction: tx);

            var table = Sql.Quote(updated.Name);
            var column = Sql.Quote(field.Name);
            var temp = Sql.Quote("_" + field.Name + SecretGenerator.Random(5));
            conn.Execute($"ALTER TABLE {table} RENAME COLUMN {column} TO {temp}", transaction: tx);
            conn.Execute($"ALTER TABLE {table} ADD COLUMN {column} {field.ColumnDefinition}", transaction: tx);

            var copy = !wasMultiple && isMultiple
                ? $"""
                   UPDATE {table} SET {column} = (CASE
                       WHEN COALESCE({temp}, '') = '' THEN '[]'
                       ELSE (CASE WHEN json_valid({temp}) AND json_type({temp}) == 'array' THEN {temp} ELSE json_array({temp}) END)
                   END)
                   """
                // many → one keeps the last value (files stay on disk for custom handling)
                : $"""
                   UPDATE {table} SET {column} = (CASE
                       WHEN COALESCE({temp}, '[]') = '[]' THEN ''
                       ELSE (CASE WHEN json_valid({temp}) AND json_type({temp}) == 'array' THEN COALESCE(json_extract({temp}, '$[#-1]'), '') ELSE {temp} END)
                   END)
                   """;
            conn.Execute(copy, transaction: tx);
            conn.Execute($"ALTER TABLE {table} DROP COLUMN {temp}", transaction: tx);

            foreach (var (_, sql) in views) conn.Execute(sql, transaction: tx);
        }
    }
}
