using Satchel.Models;
using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;

namespace Satchel.Rules;

/// <summary>
/// The searches the records API runs, following PocketBase: rules are trusted (hidden fields
/// allowed) and skipped for superusers; a client's filter and sort may use hidden fields only
/// when the client is a superuser. Every method throws <see cref="FilterException"/> (400) for an
/// invalid expression; deciding 403 for locked rules stays with the caller.
/// </summary>
public static class RecordSearch
{
    /// <summary>
    /// <c>GET /api/collections/{c}/records</c>: the listRule (unless superuser) AND the client's
    /// filter, ordered by the client's sort. Build the result and page it with
    /// <see cref="SearchSql.SelectSql"/> / <see cref="SearchSql.CountSql"/>.
    /// </summary>
    public static SearchQuery List(Collection collection, Func<string, Collection?> findCollection, RequestInfo request,
        string? filter, string? sort)
    {
        var resolver = new RecordFieldResolver(collection, findCollection, request, allowHiddenFields: true);
        var query = new SearchQuery(collection.Name, resolver);
        if (!request.IsSuperuser && !string.IsNullOrEmpty(collection.ListRule))
            query.Where(collection.ListRule, FilterLimits.Rule);

        resolver.AllowHiddenFields = request.IsSuperuser;
        if (!string.IsNullOrEmpty(filter)) query.Where(filter, FilterLimits.Client);
        if (!string.IsNullOrEmpty(sort)) query.OrderBy(sort);
        return query;
    }

    /// <summary>
    /// One record under an access rule (view/update/delete/manage/auth…): <c>id = @id AND rule</c>.
    /// A null or empty rule, or a superuser, adds no condition (checking null rules is the caller's job).
    /// Selecting any row means access is granted.
    /// </summary>
    public static SearchQuery Record(Collection collection, Func<string, Collection?> findCollection, RequestInfo request,
        string recordId, string? rule, string? table = null)
    {
        var resolver = new RecordFieldResolver(collection, findCollection, request, allowHiddenFields: true, table);
        var query = new SearchQuery(resolver.Table, resolver).WhereId(recordId);
        if (!request.IsSuperuser && !string.IsNullOrEmpty(rule)) query.Where(rule, FilterLimits.Rule);
        return query;
    }
}
