using Dapper;
using Satchel.Data;
using Satchel.Models;

namespace Satchel.Collections;

/// <summary>
/// The collections of data.db, read once and reloaded after every collection change (PocketBase
/// keeps the same in-memory cache). Lookups by name are case-insensitive, as in PocketBase.
/// </summary>
public sealed class CollectionCache(IDatabase db)
{
    private volatile IReadOnlyList<Collection> _all = Array.Empty<Collection>();
    private volatile Dictionary<string, Collection> _byKey = new();

    public IReadOnlyList<Collection> All => _all;

    public void Reload()
    {
        var rows = db.Read(c => c.Query("SELECT * FROM _collections ORDER BY rowid").Cast<IDictionary<string, object?>>().ToList());
        var list = rows.Select(CollectionJson.FromRow).ToList();
        var map = new Dictionary<string, Collection>(StringComparer.OrdinalIgnoreCase);
        foreach (var c in list) { map[c.Id] = c; map.TryAdd(c.Name, c); }
        _all = list;
        _byKey = map;
    }

    /// <summary>A copy-free lookup: treat the result as read-only and <see cref="Collection.Clone"/> it before changing it.</summary>
    public Collection? Find(string nameOrId) => _byKey.TryGetValue(nameOrId, out var c) ? c : null;
}
