using Dapper;
using Satchel.Core;
using Satchel.Data;
using Satchel.Models;
using Satchel.Models.Fields;
using Satchel.Rules;
using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;

namespace Satchel.Records;

/// <summary>
/// Evaluates a collection's API rules in SQL, PocketBase's way: for a stored record by reading
/// it with the rule as extra condition; for a record about to be created by running the rule
/// over a one-row CTE holding the new values (bound as parameters), so relations, back-relations
/// and <c>@collection</c> joins work as for stored rows.
/// </summary>
public sealed class RecordRules(SatchelApp app)
{
    /// <summary>
    /// The record with this id if it satisfies <paramref name="rule"/> for the request (a null or
    /// empty rule, or a superuser, adds no condition: refusing locked rules is the caller's job).
    /// </summary>
    public Record? Find(Collection collection, string id, string? rule, RequestInfo request)
    {
        var sql = RecordSearch.Record(collection, app.FindCollectionByNameOrId, request, id, rule).Build();
        return app.Records.FindOne(collection, sql.SelectSql(limit: 1), new DynamicParameters(sql.Parameters));
    }

    /// <summary>Whether the stored record satisfies a non-empty rule (false for a null or empty one).</summary>
    public bool StoredMatches(Record record, string? rule, RequestInfo request)
    {
        if (string.IsNullOrEmpty(rule)) return false;
        var resolver = new RecordFieldResolver(record.Collection, app.FindCollectionByNameOrId, request, allowHiddenFields: true);
        var sql = new SearchQuery(record.Collection.Name, resolver).WhereId(record.Id).Where(rule, FilterLimits.Rule).Build();
        return app.Db.Read(conn => conn.ExecuteScalar<long?>(sql.SelectSql("1", limit: 1), new DynamicParameters(sql.Parameters))) == 1;
    }

    /// <summary>Whether the unsaved record, as it would be stored, satisfies a non-empty rule (false for a null or empty one).</summary>
    public bool NewMatches(Record record, string? rule, RequestInfo request)
    {
        if (string.IsNullOrEmpty(rule)) return false;
        var row = NewRecordRow.Of(record);
        var resolver = new RecordFieldResolver(record.Collection, app.FindCollectionByNameOrId, request, allowHiddenFields: true, table: row.Name);
        var sql = new SearchQuery(row.Name, resolver).Where(rule, FilterLimits.Rule).Build();
        var parameters = new DynamicParameters(sql.Parameters);
        parameters.AddDynamicParams(row.Parameters);
        return app.Db.Read(conn => conn.ExecuteScalar<long?>(row.With + " " + sql.SelectSql("1", limit: 1), parameters)) == 1;
    }

    /// <summary>
    /// PocketBase's manage access: an authenticated (non-superuser) requester whose request makes the
    /// auth collection's non-empty manageRule match the record.
    /// </summary>
    public bool CanManage(Record record, RequestInfo request)
    {
        var rule = record.Collection.Auth?.ManageRule;
        if (!record.Collection.IsAuth || string.IsNullOrEmpty(rule) || request.Auth == null) return false;
        try
        {
            return record.IsNew ? NewMatches(record, rule, request) : StoredMatches(record, rule, request);
        }
        catch (FilterException)
        {
            // a broken manage rule grants nothing
            return false;
        }
    }

    /// <summary>
    /// The one-row CTE of an unsaved record: every field's stored value as a parameter, a
    /// placeholder id when it has none yet, and verified off so a manage rule relying on it
    /// cannot be satisfied by the submitted data.
    /// </summary>
    private sealed record NewRecordRow(string Name, string With, DynamicParameters Parameters)
    {
        public static NewRecordRow Of(Record record)
        {
            var suffix = "__pb_create__" + Guid.NewGuid().ToString("N")[..6];
            var name = SqlName.Clean(record.Collection.Name + suffix);
            var parameters = new DynamicParameters();
            var columns = new List<string>();
            var i = 0;
            foreach (var field in record.Collection.Fields)
            {
                var value = field.Name switch
                {
                    SystemFields.IdName when record.Id == "" => "__temp_id__" + suffix,
                    SystemFields.VerifiedName when record.Collection.IsAuth => false,
                    _ => field.ToDbValue(record.Get(field.Name)),
                };
                var parameter = "__pb_create_" + i++;
                parameters.Add(parameter, value);
                columns.Add($"@{parameter} AS {SqlName.Quote(field.Name)}");
            }
            return new NewRecordRow(name, $"WITH {SqlName.Quote(name)} AS (SELECT {string.Join(", ", columns)})", parameters);
        }
    }
}
