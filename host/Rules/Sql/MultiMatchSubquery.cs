namespace Satchel.Rules.Sql;

/// <summary>
/// Lists every value a multi-valued path takes for the current row of the base table:
/// <c>SELECT value AS multiMatchValue FROM base __mm LEFT JOIN … WHERE __mm.id = base.id</c>.
/// The comparison builder uses it to require that <em>all</em> items match for the plain
/// operators (<c>NOT EXISTS (… WHERE NOT cond)</c>), while the "?" operators only need the
/// joined row of the main query to match.
/// </summary>
public sealed class MultiMatchSubquery
{
    /// <summary>Alias of the base table in the outer statement.</summary>
    public required string TargetAlias { get; init; }
    /// <summary>Base table (quoted name) scanned again inside the subquery.</summary>
    public required string FromTable { get; init; }
    public required string FromAlias { get; init; }
    public string ValueSql { get; set; } = "NULL";
    public List<SqlJoin> Joins { get; } = new();
    public Dictionary<string, object?> Parameters { get; } = new(StringComparer.Ordinal);

    public MultiMatchSubquery CloneWithValue(string valueSql)
    {
        var copy = new MultiMatchSubquery { TargetAlias = TargetAlias, FromTable = FromTable, FromAlias = FromAlias, ValueSql = valueSql };
        copy.Joins.AddRange(Joins);
        foreach (var (k, v) in Parameters) copy.Parameters[k] = v;
        return copy;
    }

    public SqlFragment Build()
    {
        var parameters = new Dictionary<string, object?>(Parameters, StringComparer.Ordinal);
        foreach (var j in Joins)
            if (j.Parameters != null)
                foreach (var (k, v) in j.Parameters) parameters[k] = v;
        var joins = string.Join(" ", Joins.Select(j => j.ToSql()));
        var sql = $"SELECT {ValueSql} AS `multiMatchValue` FROM {FromTable} {SqlName.Quote(FromAlias)}"
                  + (joins.Length > 0 ? " " + joins : "")
                  + $" WHERE {SqlName.Column(FromAlias, "id")} = {SqlName.Column(TargetAlias, "id")}";
        return new SqlFragment(sql, parameters);
    }
}
