using System.Data;
using Dapper;
using Satchel.Data;
using Satchel.Models;

namespace Satchel.Collections;

/// <summary>
/// Reads and writes <c>_collections</c> rows straight from data.db (not the cache), so checks made
/// inside a transaction see the collections saved earlier in it.
/// </summary>
public sealed class CollectionStore(IDatabase db)
{
    public List<Collection> FindAll()
        => db.Read(c => c.Query("SELECT * FROM _collections ORDER BY rowid").Cast<IDictionary<string, object?>>().ToList())
            .Select(CollectionJson.FromRow).ToList();

    /// <summary>By exact id or case-insensitive name.</summary>
    public Collection? FindByNameOrId(string nameOrId)
    {
        var row = db.Read(c => c.QueryFirstOrDefault(
            "SELECT * FROM _collections WHERE id = @k OR LOWER(name) = LOWER(@k) ORDER BY (id = @k) DESC LIMIT 1", new { k = nameOrId })
            as IDictionary<string, object?>);
        return row == null ? null : CollectionJson.FromRow(row);
    }

    public bool IdExists(string id) => db.Read(c => c.ExecuteScalar<long>("SELECT count(*) FROM _collections WHERE id = @id", new { id })) > 0;

    /// <summary>No other collection (than <paramref name="excludeId"/>) has this name, case-insensitively.</summary>
    public bool IsNameUnique(string name, string? excludeId = null)
    {
        if (name == "") return false;
        return db.Read(c => c.ExecuteScalar<long>(
            "SELECT count(*) FROM _collections WHERE LOWER(name) = LOWER(@name) AND id != @ex",
            new { name, ex = excludeId ?? "" })) == 0;
    }

    /// <summary>A table or view with this name exists (case-insensitive).</summary>
    public bool HasTable(string name)
        => db.Read(c => c.ExecuteScalar<long>(
            "SELECT count(*) FROM sqlite_master WHERE type IN ('table','view') AND LOWER(name) = LOWER(@name)", new { name })) > 0;

    public void Insert(IDbConnection conn, IDbTransaction tx, Collection c)
    {
        var row = CollectionJson.ToRow(c);
        var cols = string.Join(", ", row.Keys.Select(Sql.Quote));
        var vals = string.Join(", ", row.Keys.Select(k => "@" + k));
        conn.Execute($"INSERT INTO _collections ({cols}) VALUES ({vals})", new DynamicParameters(row), tx);
    }

    public void Update(IDbConnection conn, IDbTransaction tx, Collection c)
    {
        var row = CollectionJson.ToRow(c);
        var sets = string.Join(", ", row.Keys.Where(k => k != "id").Select(k => $"{Sql.Quote(k)} = @{k}"));
        conn.Execute($"UPDATE _collections SET {sets} WHERE id = @id", new DynamicParameters(row), tx);
    }

    public void Delete(IDbConnection conn, IDbTransaction tx, string id)
        => conn.Execute("DELETE FROM _collections WHERE id = @id", new { id }, tx);
}
