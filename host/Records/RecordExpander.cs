using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Records;

/// <summary>Loads the records an expand path needs; the implementation decides who may see what.</summary>
public interface IExpandFetcher
{
    /// <summary>
    /// Records of <paramref name="collection"/> with these ids that the requester may view; null when
    /// the requester may not view the collection at all (the path is then skipped).
    /// </summary>
    List<Record>? ByIds(Collection collection, IReadOnlyCollection<string> ids);

    /// <summary>
    /// Records of <paramref name="collection"/> whose relation <paramref name="field"/> points at any of
    /// <paramref name="parentIds"/> (at most <see cref="RecordExpander.MaxBackRelations"/> per parent)
    /// that the requester may view; null when the collection cannot be viewed at all.
    /// </summary>
    List<Record>? ByBackRelation(Collection collection, RelationField field, IReadOnlyCollection<string> parentIds);
}

/// <summary>
/// Resolves <c>expand=a,b.c,comments_via_post</c> for a batch of records of one collection: one
/// fetch per path level for all records together (no N+1), up to <see cref="MaxDepth"/> levels.
/// As in PocketBase, a path that cannot be resolved (unknown field, locked collection, failing
/// nested part) is skipped silently, and every record of a resolved level gets an "expand" object
/// even when none of its relations was visible.
/// </summary>
public static class RecordExpander
{
    public const int MaxDepth = 6;

    /// <summary>PocketBase's cap on back-related records expanded per record.</summary>
    public const int MaxBackRelations = 1000;

    private sealed class Node
    {
        public readonly Dictionary<string, Node> Children = new(StringComparer.Ordinal);
    }

    public static void Expand(IReadOnlyList<Record> records, IEnumerable<string> expands, IExpandFetcher fetcher, Func<string, Collection?> findCollection)
    {
        if (records.Count == 0) return;
        var root = new Node();
        foreach (var raw in expands)
        {
            var path = raw.Replace(" ", "").Trim('.');
            if (path == "") continue;
            var node = root;
            foreach (var part in path.Split('.').Take(MaxDepth))
            {
                if (!node.Children.TryGetValue(part, out var next)) node.Children[part] = next = new Node();
                node = next;
            }
        }
        foreach (var (key, node) in root.Children) ExpandPath(records, key, node, fetcher, findCollection);
    }

    /// <summary>Expands <paramref name="key"/> (and below it <paramref name="node"/>) on records of one collection; false when the path failed.</summary>
    private static bool ExpandPath(IReadOnlyList<Record> records, string key, Node node, IExpandFetcher fetcher, Func<string, Collection?> findCollection)
    {
        var collection = records[0].Collection;
        var relation = Resolve(collection, key, findCollection);
        if (relation == null) return false;

        var children = relation.Back is { } back
            ? fetcher.ByBackRelation(relation.Target, back, records.Select(r => r.Id).Distinct().ToList())
            : fetcher.ByIds(relation.Target, records.SelectMany(r => r.GetStrings(relation.Field.Name)).Distinct().ToList());
        if (children == null) return false;

        // A path goes through only if at least one of its continuations does (PocketBase drops "a.missing"
        // entirely); with no records to descend into there is nothing that could fail.
        if (node.Children.Count > 0 && children.Count > 0)
        {
            var anyExpanded = false;
            foreach (var (childKey, childNode) in node.Children)
                anyExpanded |= ExpandPath(children, childKey, childNode, fetcher, findCollection);
            if (!anyExpanded) return false;
        }

        Assign(records, key, relation, children);
        return true;
    }

    private static void Assign(IReadOnlyList<Record> records, string key, Relation relation, List<Record> children)
    {
        if (relation.Back is { } back)
        {
            var byParent = new Dictionary<string, List<Record>>(StringComparer.Ordinal);
            foreach (var c in children)
            {
                foreach (var parentId in c.GetStrings(back.Name))
                {
                    if (!byParent.TryGetValue(parentId, out var list)) byParent[parentId] = list = new List<Record>();
                    if (list.Count < MaxBackRelations) list.Add(c);
                }
            }
            foreach (var r in records)
            {
                r.ExportEmptyExpand = true;
                if (byParent.TryGetValue(r.Id, out var mine)) r.Expand[key] = relation.Single ? mine[0] : mine;
            }
            return;
        }

        var byId = new Dictionary<string, Record>(StringComparer.Ordinal);
        foreach (var c in children) byId.TryAdd(c.Id, c);
        foreach (var r in records)
        {
            r.ExportEmptyExpand = true;
            var mine = r.GetStrings(relation.Field.Name).Where(byId.ContainsKey).Select(id => byId[id]).ToList();
            if (mine.Count > 0) r.Expand[key] = relation.Single ? mine[0] : mine;
        }
    }

    /// <summary>A relation field of the collection, or a back-relation "&lt;collection&gt;_via_&lt;field&gt;".</summary>
    private sealed record Relation(RelationField Field, Collection Target, RelationField? Back, bool Single);

    private static Relation? Resolve(Collection collection, string key, Func<string, Collection?> findCollection)
    {
        if (collection.Fields.ByName(key) is RelationField field)
            return findCollection(field.CollectionId) is { } target ? new Relation(field, target, null, !field.IsMultiple) : null;

        var via = key.IndexOf("_via_", StringComparison.Ordinal);
        if (via <= 0) return null;
        var source = findCollection(key[..via]);
        if (source?.Fields.ByName(key[(via + 5)..]) is not RelationField backField || backField.CollectionId != collection.Id) return null;
        // A back-relation is a list, unless the field has a single-column unique index (then at most one record points back).
        var single = source.Indexes.Any(i => IsUniqueIndexOn(i, backField.Name));
        return new Relation(backField, source, backField, single);
    }

    private static bool IsUniqueIndexOn(string index, string column)
    {
        var upper = index.ToUpperInvariant();
        if (!upper.Contains("UNIQUE")) return false;
        var open = index.IndexOf('(');
        var close = index.IndexOf(')', Math.Max(open, 0));
        if (open < 0 || close <= open) return false;
        var cols = index[(open + 1)..close].Split(',').Select(c => c.Trim().Trim('`', '"', '[', ']').Split(' ')[0].Trim('`', '"', '[', ']')).ToList();
        return cols.Count == 1 && string.Equals(cols[0], column, StringComparison.OrdinalIgnoreCase);
    }
}
