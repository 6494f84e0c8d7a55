namespace Satchel.Rules;

/// <summary>
/// Bounds applied while parsing and compiling an expression so hostile input cannot exhaust
/// the stack or produce huge SQL. Defaults follow PocketBase's search provider.
/// </summary>
public sealed record FilterLimits
{
    /// <summary>Maximum characters of a filter (PocketBase: 3500 for client filters).</summary>
    public int MaxLength { get; init; } = 3500;

    /// <summary>Maximum parenthesis nesting.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>Maximum number of comparisons (PocketBase: 200).</summary>
    public int MaxExpressions { get; init; } = 200;

    /// <summary>Maximum nesting of function calls in arguments.</summary>
    public int MaxFunctionDepth { get; init; } = 3;

    /// <summary>Limits for filters sent by clients (?filter=).</summary>
    public static FilterLimits Client { get; } = new();

    /// <summary>Limits for collection rules written by superusers: longer text is allowed.</summary>
    public static FilterLimits Rule { get; } = new() { MaxLength = 100_000 };
}
