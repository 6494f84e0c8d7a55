using System.Data;
using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Microsoft.AspNetCore.Http;
using Satchel.Core;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Models;
using Satchel.Rules;
using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;

namespace Satchel.Records;

/// <summary>
/// The host's <see cref="IRecordAccess"/>: rule checks through the rules engine (one read
/// connection for a batch of checks) and record JSON the way the records API renders it
/// (<see cref="RecordEnricher"/>, <see cref="RecordJson"/>, <see cref="FieldsPicker"/>).
/// </summary>
public sealed class RecordAccess(SatchelApp app) : IRecordAccess
{
    /// <summary>Name of the one-row CTE that stands in for a record that is no longer stored.</summary>
    private const string ValuesTable = "_satchel_record_values";

    public IReadOnlyList<bool> CanAccess(Record record, IReadOnlyList<RecordAccessCheck> checks, bool fromValues = false)
    {
        var results = new bool[checks.Count];
        if (checks.Count == 0) return results;
        (string Sql, DynamicParameters Parameters)? values = fromValues ? ValuesCte(record) : null;
        app.Db.Read(conn =>
        {
            for (var i = 0; i < checks.Count; i++) results[i] = Passes(conn, record, checks[i], values);
            return 0;
        });
        return results;
    }

    private bool Passes(IDbConnection conn, Record record, RecordAccessCheck check, (string Sql, DynamicParameters Parameters)? values)
    {
        var request = ToRequestInfo(check.Request);
        if (!request.IsSuperuser)
        {
            if (check.Rule == null) return false;
            if (check.Rule.Trim() != "" && !Matches(conn, record, request, check.Rule, trusted: true, values)) return false;
        }

        if (string.IsNullOrWhiteSpace(check.Filter)) return true;
        try
        {
            SuperuserOnlyFilters.Check(request.IsSuperuser, check.Filter, null);
        }
        catch (ApiException)
        {
            return false;
        }
        return Matches(conn, record, request, check.Filter, trusted: request.IsSuperuser, values);
    }

    /// <summary>Whether the record's row (or its values) satisfies the expression; an invalid expression does not.</summary>
    private bool Matches(IDbConnection conn, Record record, RequestInfo request, string expression, bool trusted,
        (string Sql, DynamicParameters Parameters)? values)
    {
        var collection = record.Collection;
        SearchSql sql;
        try
        {
            var resolver = new RecordFieldResolver(collection, app.FindCollectionByNameOrId, request, allowHiddenFields: trusted,
                table: values == null ? null : ValuesTable);
            sql = new SearchQuery(resolver.Table, resolver).WhereId(record.Id)
                .Where(expression, trusted ? FilterLimits.Rule : FilterLimits.Client).Build();
        }
        catch (FilterException)
        {
            return false;
        }

        var parameters = new DynamicParameters(sql.Parameters);
        var statement = sql.SelectSql("1", limit: 1);
        if (values != null)
        {
            statement = values.Value.Sql + " " + statement;
            parameters.AddDynamicParams(values.Value.Parameters);
        }
        return conn.ExecuteScalar<long?>(statement, parameters) == 1;
    }

    /// <summary><c>WITH values AS (SELECT @v0 AS `id`, …)</c>: the record's stored form as a one-row table.</summary>
    private static (string Sql, DynamicParameters Parameters) ValuesCte(Record record)
    {
        var sb = new StringBuilder("WITH ").Append(SqlName.Quote(ValuesTable)).Append(" AS (SELECT ");
        var parameters = new DynamicParameters();
        var i = 0;
        foreach (var field in record.Collection.Fields)
        {
            if (i > 0) sb.Append(", ");
            var name = "_satchel_v" + i++;
            sb.Append('@').Append(name).Append(" AS ").Append(SqlName.Quote(field.Name));
            parameters.Add(name, field.ToDbValue(record.Get(field.Name)));
        }
        sb.Append(')');
        return (sb.ToString(), parameters);
    }

    public JsonNode Present(Record record, RecordRequestInfo request, bool fromValues = false, HttpContext? http = null)
    {
        var clean = record.Clone(); // without expand or response flags: those depend on the requester
        var expand = request.QueryValue("expand")?.Split(',') ?? Array.Empty<string>();
        new RecordEnricher(app, http, ToRequestInfo(request)).Enrich(new[] { clean }, expand);

        // The enricher finds managed records by their stored rows; a deleted record has none left.
        if (fromValues && clean.Collection.IsAuth && !clean.IgnoreEmailVisibility &&
            CanAccess(clean, new[] { new RecordAccessCheck(clean.Collection.Auth?.ManageRule, request) }, fromValues: true)[0])
            clean.IgnoreEmailVisibility = true;

        return FieldsPicker.Pick(RecordJson.ToJson(clean), request.QueryValue("fields"))!;
    }

    internal static RequestInfo ToRequestInfo(RecordRequestInfo r, string? context = null) => new()
    {
        Context = context ?? r.Context,
        Method = r.Method,
        Query = r.Query,
        Headers = r.Headers,
        Auth = r.Auth,
    };
}
