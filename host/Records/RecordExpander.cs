using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Records;

/// <summary>Loads the records an expand path needs; the implementation decides who may see what.</summary>
public interface IExpandFetcher
{
    /// <summary>Records of <paramref name="collection"/> with these ids that the requester may view.</summary>
    List<Record> ByIds(Collection collection, IReadOnlyCollection<string> ids);

    /// <summary>Records of <paramref name="collection"/> whose relation <paramref name="field"/> points at any of <paramref name="parentIds"/>, that the requester may view.</summary>
    List<Record> ByBackRelation(Collection collection, RelationField field, IReadOnlyCollection<string> parentIds);
}

/// <summary>
/// Resolves <c>expand=a,b.c,comments_via_post</c> for a batch of records: one query per path
/// level for all records together (no N+1), up to <see cref="MaxDepth"/> levels.
/// Unknown or inaccessible paths are skipped silently, as PocketBase does.
/// </summary>
public static class RecordExpander
{
    public const int MaxDepth = 6;

    public static void Expand(IReadOnlyList<Record> records, IEnumerable<string> expands, IExpandFetcher fetcher, Func<string, Collection?> findCollection)
    {
        var tree = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var path in expands.Select(e => e.Trim()).Where(e => e != ""))
        {
            var node = tree;
            foreach (var part in path.Split('.').Take(MaxDepth))
            {
                if (!node.TryGetValue(part, out var next)) node[part] = next = new Dictionary<string, object>(StringComparer.Ordinal);
                node = (Dictionary<string, object>)next;
            }
        }
        ExpandLevel(records, tree, fetcher, findCollection);
    }

    private static void ExpandLevel(IReadOnlyList<Record> records, Dictionary<string, object> tree, IExpandFetcher fetcher, Func<string, Collection?> findCollection)
    {
        if (records.Count == 0) return;
        // Records of one level may come from several collections (e.g. after a back-relation); group them.
        foreach (var group in records.GroupBy(r => r.Collection.Id))
        {
            var collection = group.First().Collection;
            var members = group.ToList();
            foreach (var (name, sub) in tree)
            {
                var children = ExpandOne(collection, members, name, fetcher, findCollection);
                if (children.Count > 0 && sub is Dictionary<string, object> { Count: > 0 } subtree)
                    ExpandLevel(children, subtree, fetcher, findCollection);
            }
        }
    }

    /// <summary>Expands one key on records of one collection; returns the fetched records.</summary>
    private static List<Record> ExpandOne(Collection collection, List<Record> records, string key, IExpandFetcher fetcher, Func<string, Collection?> findCollection)
    {
        if (collection.Fields.ByName(key) is RelationField relation)
        {
            var target = findCollection(relation.CollectionId);
            if (target == null) return new();
            var ids = records.SelectMany(r => r.GetStrings(relation.Name)).Distinct().ToList();
            if (ids.Count == 0) return new();
            var found = fetcher.ByIds(target, ids).ToDictionary(r => r.Id);
            foreach (var r in records)
            {
                var mine = r.GetStrings(relation.Name).Where(found.ContainsKey).Select(id => found[id]).ToList();
                if (mine.Count == 0) continue;
                r.Expand[relation.Name] = relation.IsMultiple ? mine : mine[0];
            }
            return found.Values.ToList();
        }

        // Back-relation: <collection>_via_<field>
        var via = key.IndexOf("_via_", StringComparison.Ordinal);
        if (via <= 0) return new();
        var source = findCollection(key[..via]);
        if (source?.Fields.ByName(key[(via + 5)..]) is not RelationField backField || backField.CollectionId != collection.Id) return new();

        var parentIds = records.Select(r => r.Id).ToList();
        var related = fetcher.ByBackRelation(source, backField, parentIds);
        // A back-relation through a single relation field that is also unique yields one record; PocketBase returns a list otherwise.
        var single = !backField.IsMultiple && source.Indexes.Any(i => IsUniqueIndexOn(i, backField.Name));
        foreach (var r in records)
        {
            var mine = related.Where(x => x.GetStrings(backField.Name).Contains(r.Id)).ToList();
            if (mine.Count == 0) continue;
            r.Expand[key] = single ? mine[0] : mine;
        }
        return related;
    }

    private static bool IsUniqueIndexOn(string index, string column)
    {
        var upper = index.ToUpperInvariant();
        if (!upper.Contains("UNIQUE")) return false;
        var open = index.IndexOf('(');
        var close = index.LastIndexOf(')');
        if (open < 0 || close <= open) return false;
        var cols = index[(open + 1)..close].Split(',').Select(c => c.Trim().Trim('`', '"', '[', ']').Split(' ')[0].Trim('`', '"')).ToList();
        return cols.Count == 1 && string.Equals(cols[0], column, StringComparison.OrdinalIgnoreCase);
    }
}
