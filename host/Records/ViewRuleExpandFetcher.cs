using Dapper;
using Satchel.Models;
using Satchel.Models.Fields;
using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;

namespace Satchel.Records;

/// <summary>
/// Loads expanded relations as the requester may see them: each target collection's viewRule
/// applies (superusers see everything, a null rule hides the collection from everyone else), and
/// the loaded records get the requester's response flags (hidden fields and emails for
/// superusers, the requester's own email).
/// </summary>
public sealed class ViewRuleExpandFetcher(IApp app, RequestInfo request) : IExpandFetcher
{
    public List<Record> ByIds(Collection collection, IReadOnlyCollection<string> ids)
        => Load(collection, alias => new SqlFragment($"{SqlName.Column(alias, "id")} IN @expandIds",
            new Dictionary<string, object?> { ["expandIds"] = ids.ToArray() }));

    public List<Record> ByBackRelation(Collection collection, RelationField field, IReadOnlyCollection<string> parentIds)
        => Load(collection, alias =>
        {
            // A relation column holds one id or a JSON array of ids.
            var column = SqlName.Column(alias, field.Name);
            var sql = field.IsMultiple
                ? $"EXISTS (SELECT 1 FROM json_each(CASE WHEN json_valid({column}) THEN {column} ELSE json_array({column}) END) WHERE value IN @expandParents)"
                : $"{column} IN @expandParents";
            return new SqlFragment(sql, new Dictionary<string, object?> { ["expandParents"] = parentIds.ToArray() });
        });

    private List<Record> Load(Collection collection, Func<string, SqlFragment> condition)
    {
        if (!request.IsSuperuser && collection.ViewRule == null) return new();

        var resolver = new RecordFieldResolver(collection, app.FindCollectionByNameOrId, request, allowHiddenFields: true);
        var query = new SearchQuery(collection.Name, resolver).WhereRaw(condition(collection.Name));
        if (!request.IsSuperuser && !string.IsNullOrWhiteSpace(collection.ViewRule)) query.Where(collection.ViewRule);
        var sql = query.Build();

        var rows = app.Db.Read(conn => conn.Query(sql.SelectSql(), new DynamicParameters(sql.Parameters))
            .Cast<IDictionary<string, object?>>().ToList());
        var records = rows.Select(r => RecordStore.FromRow(collection, r)).ToList();
        foreach (var r in records)
        {
            r.ShowHiddenFields = request.IsSuperuser;
            r.IgnoreEmailVisibility = request.IsSuperuser || (request.Auth?.Id == r.Id && request.Auth.Collection.Id == collection.Id);
        }
        return records;
    }
}
