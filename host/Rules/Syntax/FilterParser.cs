namespace Satchel.Rules.Syntax;

/// <summary>
/// Parses a filter into a <see cref="FilterNode"/>. Grammar:
/// <code>
/// or         := and ("||" and)*
/// and        := primary ("&amp;&amp;" primary)*
/// primary    := "(" or? ")" | comparison
/// comparison := operand OPERATOR operand
/// operand    := identifier | text | number | {:placeholder} | name "(" [operand ("," operand)*] ")"
/// </code>
/// "&amp;&amp;" binds tighter than "||" (PocketBase emits the expressions flat into SQL, where AND
/// has the higher precedence). Empty groups "()" are ignored as PocketBase does, but an
/// expression with nothing in it is an error.
/// </summary>
public sealed class FilterParser
{
    private readonly List<FilterToken> _tokens;
    private readonly FilterLimits _limits;
    private int _index;
    private int _depth;
    private int _comparisons;

    private FilterParser(List<FilterToken> tokens, FilterLimits limits)
    {
        _tokens = tokens;
        _limits = limits;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FilterException"/> when it is invalid.</summary>
    public static FilterNode Parse(string text, FilterLimits? limits = null)
    {
        limits ??= FilterLimits.Client;
        if (text.Length > limits.MaxLength)
            throw new FilterException($"the expression is longer than {limits.MaxLength} characters");

        var parser = new FilterParser(new FilterLexer(text).Tokenize(), limits);
        var node = parser.ParseOr();
        var end = parser.Peek;
        if (end.Kind != FilterTokenKind.End)
            throw new FilterException(end.Kind == FilterTokenKind.CloseParen ? "unexpected \")\"" : $"expected && or ||, got {end}", end.Position);
        return node ?? throw new FilterException("empty filter expression");
    }

    private FilterToken Peek => _tokens[_index];

    private FilterToken Take() => _tokens[_index++];

    private FilterNode? ParseOr()
    {
        var items = new List<FilterNode>();
        var first = ParseAnd();
        if (first != null) items.Add(first);
        while (Peek.Kind == FilterTokenKind.Or)
        {
            Take();
            var next = ParseAnd();
            if (next != null) items.Add(next);
        }
        return Combine(LogicalOperator.Or, items);
    }

    private FilterNode? ParseAnd()
    {
        var items = new List<FilterNode>();
        var first = ParsePrimary();
        if (first != null) items.Add(first);
        while (Peek.Kind == FilterTokenKind.And)
        {
            Take();
            var next = ParsePrimary();
            if (next != null) items.Add(next);
        }
        return Combine(LogicalOperator.And, items);
    }

    private static FilterNode? Combine(LogicalOperator op, List<FilterNode> items) => items.Count switch
    {
        0 => null,
        1 => items[0],
        _ => new LogicalNode(op, items),
    };

    private FilterNode? ParsePrimary()
    {
        if (Peek.Kind == FilterTokenKind.OpenParen)
        {
            var open = Take();
            if (++_depth > _limits.MaxDepth)
                throw new FilterException($"too deeply nested parentheses (max {_limits.MaxDepth})", open.Position);
            FilterNode? inner = null;
            if (Peek.Kind != FilterTokenKind.CloseParen) inner = ParseOr();
            if (Peek.Kind != FilterTokenKind.CloseParen)
                throw new FilterException(Peek.Kind == FilterTokenKind.End ? "missing closing \")\"" : $"expected && or ||, got {Peek}", Peek.Position);
            Take();
            _depth--;
            return inner;
        }
        return ParseComparison();
    }

    private ComparisonNode ParseComparison()
    {
        var leftToken = Peek;
        var left = ParseOperand("left operand (identifier, function, text or number)", 0);
        var opToken = Take();
        if (opToken.Kind != FilterTokenKind.Operator || !ComparisonOperators.TryParse(opToken.Value, out var op))
            throw new FilterException($"expected an operator, got {opToken}", opToken.Position);
        var right = ParseOperand("right operand (identifier, function, text or number)", 0);

        if (++_comparisons > _limits.MaxExpressions)
            throw new FilterException($"too many expressions (max {_limits.MaxExpressions})", leftToken.Position);
        return new ComparisonNode(left, op, right, leftToken.Position);
    }

    private Operand ParseOperand(string expected, int functionDepth)
    {
        var t = Take();
        switch (t.Kind)
        {
            case FilterTokenKind.Identifier: return new IdentifierOperand(t.Value, t.Position);
            case FilterTokenKind.Text: return new TextOperand(t.Value, t.Position);
            case FilterTokenKind.Number: return new NumberOperand(t.Value, t.Position);
            case FilterTokenKind.Placeholder: return new PlaceholderOperand(t.Value, t.Position);
            case FilterTokenKind.FunctionName: return ParseFunction(t, functionDepth + 1);
            default: throw new FilterException($"expected {expected}, got {t}", t.Position);
        }
    }

    private FunctionOperand ParseFunction(FilterToken name, int functionDepth)
    {
        if (functionDepth > _limits.MaxFunctionDepth)
            throw new FilterException($"too deeply nested function calls (max {_limits.MaxFunctionDepth})", name.Position);
        Take(); // "(" – the lexer only emits FunctionName when it is next
        var args = new List<Operand>();
        if (Peek.Kind != FilterTokenKind.CloseParen)
        {
            while (true)
            {
                args.Add(ParseOperand($"an argument of {name.Value}()", functionDepth));
                if (Peek.Kind == FilterTokenKind.Comma) { Take(); continue; }
                break;
            }
        }
        var close = Take();
        if (close.Kind != FilterTokenKind.CloseParen)
            throw new FilterException($"expected \",\" or \")\" in {name.Value}(), got {close}", close.Position);
        return new FunctionOperand(name.Value, args, name.Position);
    }
}
