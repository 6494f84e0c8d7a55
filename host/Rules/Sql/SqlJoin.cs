namespace Satchel.Rules.Sql;

/// <summary>
/// A LEFT JOIN needed by a resolved field: <paramref name="Table"/> is a quoted table name or a
/// table-valued expression such as <c>json_each(...)</c>; <paramref name="On"/> may be null
/// (a join without condition, as used for <c>@collection.*</c>).
/// </summary>
public sealed record SqlJoin(string Table, string Alias, string? On, IReadOnlyDictionary<string, object?>? Parameters = null)
{
    public string ToSql() => $"LEFT JOIN {Table} {SqlName.Quote(Alias)}" + (On != null ? " ON " + On : "");
}

/// <summary>
/// A condition that must hold for the whole statement, keyed so the same one is added once –
/// e.g. the list rule of a collection that a non-superuser's filter joined.
/// </summary>
public sealed record SqlConstraint(string Key, SqlFragment Condition, IReadOnlyList<SqlJoin> Joins);
