using System.Globalization;
using Dapper;
using Microsoft.AspNetCore.Http;
using Satchel.Collections;
using Satchel.Data;
using Satchel.Errors;
using Satchel.Http;
using Satchel.Models;
using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;

namespace Satchel.Http.Api;

/// <summary>
/// One page of <c>GET /api/collections</c>: page, perPage (30 by default, at most 1000), sort and
/// filter over id/created/updated/name/type/system, and skipTotal.
/// </summary>
public static class CollectionListQuery
{
    public const int DefaultPerPage = 30;
    public const int MaxPerPage = 1000;

    public static (ListResult<Collection> Result, List<Collection> Items) Run(IApp app, HttpRequest request)
    {
        var query = request.Query;
        var page = Int(query["page"].ToString(), 1);
        var perPage = Int(query["perPage"].ToString(), DefaultPerPage);
        if (page <= 0) page = 1;
        if (perPage <= 0) perPage = DefaultPerPage;
        else if (perPage > MaxPerPage) perPage = MaxPerPage;
        var skipTotal = query["skipTotal"].ToString() is "1" or "true" or "True" or "t" or "T" or "TRUE";

        var search = new SearchQuery("_collections", ColumnResolver.ForCollections("_collections"));
        var filter = query["filter"].ToString();
        if (!string.IsNullOrWhiteSpace(filter)) search.Where(filter);
        var sort = query["sort"].ToString();
        if (!string.IsNullOrWhiteSpace(sort)) search.OrderBy(sort);
        var sql = search.Build();
        var parameters = new DynamicParameters(sql.Parameters);

        var rows = app.Db.Read(c => c.Query(sql.SelectSql(limit: perPage, offset: (page - 1) * perPage), parameters)
            .Cast<IDictionary<string, object?>>().ToList());
        var items = rows.Select(CollectionJson.FromRow).ToList();

        int total = -1, totalPages = -1;
        if (!skipTotal)
        {
            total = (int)app.Db.Read(c => c.ExecuteScalar<long>(sql.CountSql("id"), parameters));
            totalPages = (int)Math.Ceiling(total / (double)perPage);
        }
        var result = new ListResult<Collection> { Page = page, PerPage = perPage, TotalItems = total, TotalPages = totalPages, Items = items };
        return (result, items);
    }

    private static int Int(string raw, int fallback)
    {
        if (string.IsNullOrWhiteSpace(raw)) return fallback;
        if (int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)) return v;
        throw ApiException.BadRequest("Invalid list query parameters.");
    }
}
