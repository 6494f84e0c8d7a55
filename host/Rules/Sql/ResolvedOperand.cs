namespace Satchel.Rules.Sql;

/// <summary>
/// What an operand compiles to: a SQL expression with its parameters, the joins it needs in
/// the main statement and, for multi-valued paths, the subquery listing all of its values.
/// </summary>
public sealed record ResolvedOperand
{
    public required string Sql { get; init; }
    public IReadOnlyDictionary<string, object?> Parameters { get; init; } = SqlFragment.NoParameters;
    public NullFallback NullFallback { get; init; }

    /// <summary>Set when the operand can hold several values per record (multiple relation, select, file, back-relation, @collection …).</summary>
    public MultiMatchSubquery? MultiMatch { get; init; }
    public bool IsMultiValued => MultiMatch != null;

    /// <summary>Applied to the whole comparison once built (e.g. to add an emailVisibility check).</summary>
    public Func<SqlFragment, SqlFragment>? AfterBuild { get; init; }

    public IReadOnlyList<SqlJoin> Joins { get; init; } = [];
    public IReadOnlyList<SqlConstraint> Constraints { get; init; } = [];

    public static ResolvedOperand Raw(string sql) => new() { Sql = sql };

    public static ResolvedOperand FromFragment(SqlFragment f) => new() { Sql = f.Sql, Parameters = f.Parameters };

    public static ResolvedOperand Null => Raw("NULL");
}
