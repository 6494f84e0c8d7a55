using System.Text.Json;
using Satchel.Rules.Syntax;

namespace Satchel.Rules.Sql;

/// <summary>
/// Compiles a parsed filter into a parameterised SQLite condition. Identifiers go through the
/// <see cref="IFieldResolver"/>; literals, macros and <c>{:name}</c> placeholders always become
/// parameters, never SQL text.
/// </summary>
public sealed class FilterCompiler
{
    private readonly IFieldResolver _resolver;
    private readonly SqlScope _scope;
    private readonly IReadOnlyDictionary<string, object?> _placeholders;
    private readonly DateTimeOffset _now;
    private readonly ComparisonSqlBuilder _comparisons;

    /// <param name="placeholders">Values for <c>{:name}</c> placeholders.</param>
    /// <param name="now">The instant the date macros refer to (default: <see cref="SqlScope.Now"/>).</param>
    public FilterCompiler(IFieldResolver resolver, SqlScope scope, IReadOnlyDictionary<string, object?>? placeholders = null, DateTimeOffset? now = null)
    {
        _resolver = resolver;
        _scope = scope;
        _placeholders = placeholders ?? SqlFragment.NoParameters;
        _now = now ?? scope.Now;
        _comparisons = new ComparisonSqlBuilder(scope);
    }

    /// <summary>Parses and compiles <paramref name="filter"/>.</summary>
    public CompiledFilter Compile(string filter, FilterLimits? limits = null) => Compile(FilterParser.Parse(filter, limits));

    public CompiledFilter Compile(FilterNode node)
    {
        var joins = new JoinSet();
        var where = Build(node, joins);
        return new CompiledFilter(where, joins.Joins, joins.Constraints);
    }

    /// <summary>Resolves one operand (identifier, literal, placeholder or function call).</summary>
    public ResolvedOperand ResolveOperand(Operand operand) => operand switch
    {
        IdentifierOperand id => ResolveIdentifier(id),
        TextOperand t => ResolvedOperand.FromFragment(_scope.Parameter(t.Value)),
        NumberOperand n => ResolvedOperand.FromFragment(_scope.Parameter(n.Value)),
        PlaceholderOperand p => ResolvePlaceholder(p),
        FunctionOperand f => FilterFunctions.Resolve(f, ResolveOperand),
        _ => throw new FilterException("unsupported operand", operand.Position),
    };

    private SqlFragment Build(FilterNode node, JoinSet joins)
    {
        switch (node)
        {
            case ComparisonNode c:
            {
                var left = ResolveOperand(c.Left);
                var right = ResolveOperand(c.Right);
                joins.Add(left);
                joins.Add(right);
                return _comparisons.Build(left, c.Operator, right);
            }
            case LogicalNode l:
            {
                var parts = l.Items.Select(i => Build(i, joins)).ToList();
                var op = l.Operator == LogicalOperator.And ? " AND " : " OR ";
                return new SqlFragment("(" + string.Join(op, parts.Select(p => p.Sql)) + ")",
                    SqlFragment.Merge(parts.Select(p => p.Parameters).ToArray()));
            }
            default:
                throw new FilterException("unsupported expression");
        }
    }

    private ResolvedOperand ResolveIdentifier(IdentifierOperand id)
    {
        if (DateMacros.TryGetValue(id.Name, _now, out var macro))
            return ResolvedOperand.FromFragment(_scope.Parameter(macro));

        try
        {
            var resolved = _resolver.Resolve(id.Name, _scope);
            if (resolved.Sql.Length == 0) throw new FilterException($"invalid identifier \"{id.Name}\"", id.Position);
            return resolved;
        }
        catch (FilterException) when (Keyword(id.Name) is { } keyword)
        {
            // null/true/false are literals unless the resolver knows a field of that name
            return keyword;
        }
        catch (FilterException e) when (e.Position == null)
        {
            throw new FilterException(e.Detail, id.Position);
        }
    }

    private static ResolvedOperand? Keyword(string name) => name.ToLowerInvariant() switch
    {
        "null" => ResolvedOperand.Null,
        "true" => ResolvedOperand.Raw("1"),
        "false" => ResolvedOperand.Raw("0"),
        _ => null,
    };

    private ResolvedOperand ResolvePlaceholder(PlaceholderOperand p)
    {
        if (!_placeholders.TryGetValue(p.Name, out var value))
            throw new FilterException($"missing value for placeholder {{:{p.Name}}}", p.Position);
        return value switch
        {
            null => ResolvedOperand.Null,
            bool b => ResolvedOperand.Raw(b ? "1" : "0"),
            string s => ResolvedOperand.FromFragment(_scope.Parameter(s)),
            byte or sbyte or short or ushort or int or uint or long or ulong or float or double or decimal
                => ResolvedOperand.FromFragment(_scope.Parameter(Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture))),
            DateTime d => ResolvedOperand.FromFragment(_scope.Parameter(DateMacros.Format(d.ToUniversalTime()))),
            DateTimeOffset d => ResolvedOperand.FromFragment(_scope.Parameter(DateMacros.Format(d.UtcDateTime))),
            _ => ResolvedOperand.FromFragment(_scope.Parameter(JsonSerializer.Serialize(value))),
        };
    }
}
