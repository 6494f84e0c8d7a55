namespace Satchel.Rules.Syntax;

public enum ComparisonOperator
{
    Equal, NotEqual, Greater, GreaterOrEqual, Less, LessOrEqual, Like, NotLike,
    AnyEqual, AnyNotEqual, AnyGreater, AnyGreaterOrEqual, AnyLess, AnyLessOrEqual, AnyLike, AnyNotLike,
}

public static class ComparisonOperators
{
    private static readonly Dictionary<string, ComparisonOperator> BySymbol = new(StringComparer.Ordinal)
    {
        ["="] = ComparisonOperator.Equal,
        ["!="] = ComparisonOperator.NotEqual,
        [">"] = ComparisonOperator.Greater,
        [">="] = ComparisonOperator.GreaterOrEqual,
        ["<"] = ComparisonOperator.Less,
        ["<="] = ComparisonOperator.LessOrEqual,
        ["~"] = ComparisonOperator.Like,
        ["!~"] = ComparisonOperator.NotLike,
        ["?="] = ComparisonOperator.AnyEqual,
        ["?!="] = ComparisonOperator.AnyNotEqual,
        ["?>"] = ComparisonOperator.AnyGreater,
        ["?>="] = ComparisonOperator.AnyGreaterOrEqual,
        ["?<"] = ComparisonOperator.AnyLess,
        ["?<="] = ComparisonOperator.AnyLessOrEqual,
        ["?~"] = ComparisonOperator.AnyLike,
        ["?!~"] = ComparisonOperator.AnyNotLike,
    };

    public static bool TryParse(string symbol, out ComparisonOperator op) => BySymbol.TryGetValue(symbol, out op);

    public static string Symbol(this ComparisonOperator op) => BySymbol.First(p => p.Value == op).Key;

    /// <summary>True for the "?" forms: at least one item of a multi-valued operand must match.</summary>
    public static bool IsAnyOf(this ComparisonOperator op) => op >= ComparisonOperator.AnyEqual;

    /// <summary>The comparison without its any-of flag ("?=" → "=").</summary>
    public static ComparisonOperator Plain(this ComparisonOperator op) => op.IsAnyOf() ? (ComparisonOperator)(op - ComparisonOperator.AnyEqual) : op;
}
