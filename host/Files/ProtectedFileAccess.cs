using Dapper;
using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Models;
using Satchel.Rules;
using Satchel.Rules.Resolvers;

namespace Satchel.Files;

/// <summary>
/// Who may download a protected file: the holder of a valid file token (?token=) whose record
/// passes the collection's view rule — a superuser always, a guest or other record when the rule
/// lets them see the record. The request's own Authorization header plays no part.
/// </summary>
public static class ProtectedFileAccess
{
    public static bool Allows(IApp app, HttpContext http, Record record)
    {
        var token = http.Request.Query["token"].ToString();
        var auth = token == "" ? null : app.Tokens.FindRecordByToken(token, TokenTypes.File);
        if (auth?.Collection.IsSuperusers == true)
        {
            // A superuser's file token from outside superuserIPs counts as no token.
            if (SuperuserIps.Allow(app.Settings, http)) return true;
            auth = null;
        }

        var rule = record.Collection.ViewRule;
        if (rule == null) return false;
        if (rule == "") return true;

        var request = new RequestInfo
        {
            Context = RequestContexts.ProtectedFile,
            Method = http.Request.Method,
            Headers = http.Request.Headers.ToDictionary(h => RequestInfo.NormalizeHeaderName(h.Key), h => h.Value.ToString()),
            Query = http.Request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()),
            Auth = auth,
        };
        try
        {
            var sql = RecordSearch.Record(record.Collection, app.FindCollectionByNameOrId, request, record.Id, rule).Build();
            var args = new DynamicParameters();
            foreach (var (k, v) in sql.Parameters) args.Add(k, v);
            return app.Db.Read(conn => conn.ExecuteScalar<long?>(sql.SelectSql("1", limit: 1), args)) != null;
        }
        catch (Errors.ApiException)
        {
            return false; // a rule that can't be evaluated grants nothing
        }
    }
}
