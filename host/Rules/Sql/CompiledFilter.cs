namespace Satchel.Rules.Sql;

/// <summary>
/// A compiled filter: the WHERE condition plus what the statement needs around it – LEFT JOINs
/// (in order, one per alias) and statement-wide constraints. With joins present the statement
/// must select DISTINCT rows, because a multi-valued join repeats the base row.
/// </summary>
public sealed record CompiledFilter(SqlFragment Where, IReadOnlyList<SqlJoin> Joins, IReadOnlyList<SqlConstraint> Constraints);
