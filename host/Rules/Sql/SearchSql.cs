using System.Text;

namespace Satchel.Rules.Sql;

/// <summary>
/// The parts of a compiled search over one table – FROM, LEFT JOINs, WHERE, ORDER BY and the
/// parameter values – with helpers that assemble complete statements. When <see cref="Distinct"/>
/// is set, rows must be de-duplicated (joins over multi-valued fields repeat base rows).
/// </summary>
public sealed record SearchSql(
    string Table,
    string Alias,
    IReadOnlyList<SqlJoin> Joins,
    string? Where,
    string? OrderBy,
    IReadOnlyDictionary<string, object?> Parameters)
{
    public bool Distinct => Joins.Count > 0;

    /// <summary><c>FROM `table` `alias` LEFT JOIN …</c>.</summary>
    public string FromClause()
    {
        var sb = new StringBuilder("FROM ").Append(SqlName.Quote(Table));
        if (Alias != Table) sb.Append(' ').Append(SqlName.Quote(Alias));
        foreach (var j in Joins) sb.Append(' ').Append(j.ToSql());
        return sb.ToString();
    }

    /// <summary>A full SELECT; <paramref name="columns"/> defaults to all base table columns.</summary>
    public string SelectSql(string? columns = null, int? limit = null, int? offset = null)
    {
        var sb = new StringBuilder("SELECT ");
        if (Distinct) sb.Append("DISTINCT ");
        sb.Append(columns ?? SqlName.Quote(Alias) + ".*").Append(' ').Append(FromClause());
        if (Where != null) sb.Append(" WHERE ").Append(Where);
        if (OrderBy != null) sb.Append(" ORDER BY ").Append(OrderBy);
        if (limit != null) sb.Append(" LIMIT ").Append(limit.Value);
        if (offset != null) sb.Append(" OFFSET ").Append(offset.Value);
        return sb.ToString();
    }

    /// <summary>Counts the distinct matching rows by <paramref name="countColumn"/> (PocketBase counts <c>_rowid_</c>, or <c>id</c> for views).</summary>
    public string CountSql(string countColumn = "id")
        => $"SELECT COUNT(DISTINCT {SqlName.Column(Alias, countColumn)}) {FromClause()}" + (Where != null ? " WHERE " + Where : "");

    /// <summary>
    /// The search as one self-contained condition on the base table's rows, for callers that
    /// build their own statement over <c>`alias`</c>: the joins move into an
    /// <c>`alias`.`id` IN (SELECT …)</c> subquery. Null when there is no condition.
    /// </summary>
    public string? StandaloneWhere()
    {
        if (Where == null) return null;
        if (Joins.Count == 0) return Where;
        var idCol = SqlName.Column(Alias, "id");
        return $"{idCol} IN (SELECT {idCol} {FromClause()} WHERE {Where})";
    }
}
