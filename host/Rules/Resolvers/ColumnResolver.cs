using Satchel.Rules.Sql;

namespace Satchel.Rules.Resolvers;

/// <summary>
/// Resolves identifiers to a fixed allow-list of plain columns of one table; anything else is a
/// <see cref="FilterException"/>. Used where the filter targets a system table rather than a
/// collection, e.g. <c>GET /api/collections?filter=</c>.
/// </summary>
public sealed class ColumnResolver : IFieldResolver
{
    private readonly HashSet<string> _columns;
    private readonly string? _alias;

    /// <param name="alias">Table alias to qualify the columns with; null for bare column names.</param>
    public ColumnResolver(IEnumerable<string> columns, string? alias = null)
    {
        _columns = new HashSet<string>(columns, StringComparer.Ordinal);
        _alias = alias;
    }

    /// <summary>The columns PocketBase lets <c>GET /api/collections</c> filter and sort by.</summary>
    public static ColumnResolver ForCollections(string? alias = null)
        => new(["id", "created", "updated", "name", "system", "type"], alias);

    public IReadOnlySet<string> Columns => _columns;

    public ResolvedOperand Resolve(string identifier, SqlScope scope)
    {
        if (!_columns.Contains(identifier))
            throw new FilterException($"unknown field \"{identifier}\"");
        return ResolvedOperand.Raw(_alias == null ? SqlName.Quote(identifier) : SqlName.Column(_alias, identifier));
    }
}
