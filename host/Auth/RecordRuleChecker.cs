using Dapper;
using Microsoft.AspNetCore.Http;
using Satchel.Http;
using Satchel.Models;
using Satchel.Rules;
using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;

namespace Satchel.Auth;

/// <summary>Runs an API rule against one stored record: <c>SELECT 1 FROM table WHERE id = @id AND (rule)</c>.</summary>
public sealed class RecordRuleChecker(IApp app) : IRecordRuleChecker
{
    public bool CanAccess(HttpContext http, Record record, string? rule)
    {
        if (http.IsSuperuser()) return true;
        if (rule == null) return false;
        if (rule.Trim() == "") return true;
        return Matches(http, record, rule);
    }

    public bool Matches(HttpContext http, Record record, string rule)
    {
        if (rule.Trim() == "") return true;
        var collection = record.Collection;
        var resolver = new RecordFieldResolver(collection, app.FindCollectionByNameOrId, RequestInfoFactory.From(http), allowHiddenFields: true);
        var sql = new SearchQuery(collection.Name, resolver)
            .WhereId(record.Id)
            .Where(rule, FilterLimits.Rule)
            .Build();
        var found = app.Db.Read(conn => conn.ExecuteScalar<long?>(sql.SelectSql("1", limit: 1), new DynamicParameters(sql.Parameters)));
        return found == 1;
    }
}
