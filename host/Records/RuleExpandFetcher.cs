using System.Text.Json;
using Dapper;
using Satchel.Core;
using Satchel.Models;
using Satchel.Models.Fields;
using Satchel.Rules;
using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;

namespace Satchel.Records;

/// <summary>
/// Fetches expanded relations for a requester: one query per call, limited by the related
/// collection's viewRule (a locked rule hides the whole collection from non-superusers). The
/// fetched records go through the enrich hooks and get their visibility flags, as PocketBase does.
/// </summary>
public sealed class RuleExpandFetcher(SatchelApp app, RecordEnricher enricher, RequestInfo request) : IExpandFetcher
{
    public List<Record>? ByIds(Collection collection, IReadOnlyCollection<string> ids)
    {
        var query = ViewQuery(collection);
        if (query == null) return null;
        if (ids.Count == 0) return new List<Record>();
        var p = query.Scope.Parameter(JsonSerializer.Serialize(ids));
        query.WhereRaw(p with { Sql = $"{SqlName.Column(collection.Name, "id")} IN (SELECT value FROM json_each({p.Sql}))" });
        return Load(collection, query);
    }

    public List<Record>? ByBackRelation(Collection collection, RelationField field, IReadOnlyCollection<string> parentIds)
    {
        var query = ViewQuery(collection);
        if (query == null) return null;
        if (parentIds.Count == 0) return new List<Record>();

        // The referencing ids, at most MaxBackRelations per parent, picked before the view rule applies (as PocketBase does).
        var p = query.Scope.Parameter(JsonSerializer.Serialize(parentIds));
        var column = SqlName.Column("__src", field.Name);
        var points = field.IsMultiple
            ? $"EXISTS (SELECT 1 FROM {JsonSql.Each(column)} __je WHERE __je.value = __parent.value)"
            : $"{column} = __parent.value";
        var picked = $"SELECT id FROM (SELECT __src.id AS id, ROW_NUMBER() OVER (PARTITION BY __parent.value) AS __n " +
                     $"FROM {SqlName.Quote(collection.Name)} __src, json_each({p.Sql}) __parent WHERE {points}) WHERE __n <= {RecordExpander.MaxBackRelations}";
        query.WhereRaw(p with { Sql = $"{SqlName.Column(collection.Name, "id")} IN ({picked})" });
        // in the order the records were created, as PocketBase lists them
        if (!collection.IsView) query.OrderBy("@rowid");
        return Load(collection, query);
    }

    /// <summary>A search over the collection limited by its viewRule; null when the requester may not view it.</summary>
    private SearchQuery? ViewQuery(Collection collection)
    {
        if (!request.IsSuperuser && collection.ViewRule == null) return null;
        var resolver = new RecordFieldResolver(collection, app.FindCollectionByNameOrId, request, allowHiddenFields: true);
        var query = new SearchQuery(collection.Name, resolver);
        if (request.IsSuperuser || collection.ViewRule == "") return query;
        try
        {
            return query.Where(collection.ViewRule!, FilterLimits.Rule);
        }
        catch (FilterException)
        {
            // a broken view rule shows nothing
            return null;
        }
    }

    private List<Record> Load(Collection collection, SearchQuery query)
    {
        var sql = query.Build();
        var records = app.Records.FindMany(collection, sql.SelectSql(), new DynamicParameters(sql.Parameters));
        enricher.EnrichExpanded(records);
        return records;
    }
}
