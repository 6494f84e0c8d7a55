using Dapper;
using Satchel.Data;

namespace Satchel.Collections.Views;

/// <summary>One row of SQLite's table_info pragma.</summary>
public sealed record TableColumn(string Name, string Type);

/// <summary>
/// Creates and drops the SQL views behind view collections. The query is wrapped in
/// <c>SELECT * FROM (…)</c> and must be a single statement; every call joins the current
/// data.db transaction, so a failed change leaves nothing behind.
/// </summary>
public static class ViewSchema
{
    /// <summary>Trims the query and refuses more than one statement.</summary>
    public static string NormalizeSelect(string query)
    {
        var trimmed = query.Trim().Trim(';');
        if (SqlSplitter.Split(trimmed, ';').Count > 1) throw new ViewQueryException("multiple statements are not supported");
        return trimmed;
    }

    public static void Drop(IDatabase db, string name)
        => db.Write((c, tx) => { c.Execute($"DROP VIEW IF EXISTS {Sql.Quote(name)}", transaction: tx); });

    /// <summary>(Re)creates the view; throws when the query is invalid or yields no columns.</summary>
    public static void Save(IDatabase db, string name, string query)
    {
        db.Write((c, tx) =>
        {
            c.Execute($"DROP VIEW IF EXISTS {Sql.Quote(name)}", transaction: tx);
            var select = NormalizeSelect(query);
            c.Execute($"CREATE VIEW {Sql.Quote(name)} AS SELECT * FROM ({select})", transaction: tx);
            // A view over a missing table or column is only detected when its columns are read.
            try
            {
                if (TableInfo(db, name).Count == 0) throw new ViewQueryException($"empty table info probably due to invalid or missing table {name}");
            }
            catch
            {
                c.Execute($"DROP VIEW IF EXISTS {Sql.Quote(name)}", transaction: tx);
                throw;
            }
        });
    }

    public static List<TableColumn> TableInfo(IDatabase db, string table)
        => db.Read(c => c.Query("SELECT name, type FROM pragma_table_info(@t)", new { t = table })
            .Select(r => new TableColumn((string)r.name, (string?)r.type ?? "")).ToList());

    /// <summary>The result columns of a query, read from a temporary view created and dropped in the transaction.</summary>
    public static List<TableColumn> QueryColumns(IDatabase db, string query)
    {
        var temp = "_temp_" + SecretGenerator.Random(6);
        return db.Write((_, _) =>
        {
            Save(db, temp, query);
            try { return TableInfo(db, temp); }
            finally { Drop(db, temp); }
        });
    }

    /// <summary>
    /// Wraps the query so its id column is TEXT (record ids are strings): a numeric id such as
    /// ROW_NUMBER() becomes <c>CAST(id as TEXT)</c>, the other columns keep their order.
    /// </summary>
    public static string NormalizeId(IDatabase db, string query)
    {
        query = query.Trim().Trim(';');
        var info = QueryColumns(db, query);
        if (info.Any(r => r.Name.Equals("id", StringComparison.OrdinalIgnoreCase) && r.Type.Equals("TEXT", StringComparison.OrdinalIgnoreCase)))
            return query;

        var parsed = ViewQueryParser.Parse(query);
        var columns = parsed.Columns.Select(col => col.Alias == "id"
            ? $"CAST({Sql.Quote(col.Alias)} as TEXT) {Sql.Quote(col.Alias)}"
            : Sql.Quote(col.Alias));
        return $"SELECT {string.Join(",", columns)} FROM ({query})";
    }
}

/// <summary>A view query that cannot be used; the message is shown to the client as the raw error.</summary>
public sealed class ViewQueryException(string message, Exception? inner = null) : Exception(message, inner);
