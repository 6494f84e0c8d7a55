namespace Satchel.Rules.Syntax;

/// <summary>A parsed filter expression: comparisons combined with && and ||.</summary>
public abstract record FilterNode
{
    /// <summary>All operands of the expression, function arguments included.</summary>
    public abstract IEnumerable<Operand> Operands();

    /// <summary>
    /// True when the expression reads <c>@request.*</c> or <c>@collection.*</c>; the records API
    /// answers 403 when a non-superuser sends such a filter or sort.
    /// </summary>
    public bool UsesRequestOrCollection => Identifiers().Any(IsRequestOrCollection);

    public IEnumerable<string> Identifiers() => Operands().SelectMany(o => o.Identifiers());

    internal static bool IsRequestOrCollection(string identifier)
        => identifier.StartsWith("@request.", StringComparison.Ordinal) || identifier.StartsWith("@collection.", StringComparison.Ordinal);
}

public enum LogicalOperator { And, Or }

/// <summary>Two or more expressions joined by one logical operator.</summary>
public sealed record LogicalNode(LogicalOperator Operator, IReadOnlyList<FilterNode> Items) : FilterNode
{
    public override IEnumerable<Operand> Operands() => Items.SelectMany(i => i.Operands());
}

/// <summary><c>left OP right</c>.</summary>
public sealed record ComparisonNode(Operand Left, ComparisonOperator Operator, Operand Right, int Position) : FilterNode
{
    public override IEnumerable<Operand> Operands() => [Left, Right];
}
