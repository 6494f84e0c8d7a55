using Dapper;
using Satchel.Core;
using Satchel.Models;
using Satchel.Rules;
using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;

namespace Satchel.Records;

/// <summary>
/// Sets the export flags of records about to be answered to a requester: a superuser sees hidden
/// fields and every email; an auth record's email is also shown to its owner and to requesters
/// whose request satisfies the collection's manageRule (one query for the whole batch).
/// </summary>
public static class RecordVisibility
{
    public static void Resolve(SatchelApp app, IReadOnlyList<Record> records, RequestInfo request)
    {
        foreach (var group in records.GroupBy(r => r.Collection.Id))
        {
            var batch = group.ToList();
            if (request.IsSuperuser)
            {
                foreach (var r in batch)
                {
                    r.ShowHiddenFields = true;
                    r.IgnoreEmailVisibility = true;
                }
                continue;
            }

            var collection = batch[0].Collection;
            if (!collection.IsAuth) continue;

            if (request.Auth is { } auth && auth.Collection.Id == collection.Id)
            {
                foreach (var r in batch.Where(r => r.Id == auth.Id)) r.IgnoreEmailVisibility = true;
            }

            var manageRule = collection.Auth?.ManageRule;
            if (string.IsNullOrEmpty(manageRule)) continue;
            foreach (var id in ManagedIds(app, collection, batch, manageRule, request))
            {
                foreach (var r in batch.Where(r => r.Id == id)) r.IgnoreEmailVisibility = true;
            }
        }
    }

    private static List<string> ManagedIds(SatchelApp app, Collection collection, List<Record> batch, string manageRule, RequestInfo request)
    {
        try
        {
            var resolver = new RecordFieldResolver(collection, app.FindCollectionByNameOrId, request, allowHiddenFields: true);
            var query = new SearchQuery(collection.Name, resolver);
            var ids = query.Scope.Parameter(System.Text.Json.JsonSerializer.Serialize(batch.Select(r => r.Id).Distinct()));
            query.WhereRaw(ids with { Sql = $"{SqlName.Column(collection.Name, "id")} IN (SELECT value FROM json_each({ids.Sql}))" });
            query.Where(manageRule, FilterLimits.Rule);
            var sql = query.Build();
            return app.Db.Read(conn => conn.Query<string>(sql.SelectSql(SqlName.Column(collection.Name, "id")), new DynamicParameters(sql.Parameters)).ToList());
        }
        catch (FilterException)
        {
            // a broken manage rule reveals nothing
            return new List<string>();
        }
    }
}
