using System.Globalization;
using Satchel.Rules.Syntax;

namespace Satchel.Rules.Sql;

/// <summary>
/// Builds the SQL of one comparison from its two resolved operands, with PocketBase's semantics:
/// NULL and '' are equal for "=" / "!=", "!=" is null-safe (IS NOT), "~" is a LIKE "contains"
/// search, and a multi-valued operand under a plain operator must match for all of its items.
/// </summary>
internal sealed class ComparisonSqlBuilder
{
    private readonly SqlScope _scope;

    public ComparisonSqlBuilder(SqlScope scope) => _scope = scope;

    public SqlFragment Build(ResolvedOperand left, ComparisonOperator op, ResolvedOperand right)
    {
        var plain = op.Plain();
        var expr = plain switch
        {
            ComparisonOperator.Equal => EqualExpr(true, left, right),
            ComparisonOperator.NotEqual => EqualExpr(false, left, right),
            ComparisonOperator.Like => LikeExpr("LIKE", left, right),
            ComparisonOperator.NotLike => LikeExpr("NOT LIKE", left, right),
            ComparisonOperator.Less => Binary("<", left, right),
            ComparisonOperator.LessOrEqual => Binary("<=", left, right),
            ComparisonOperator.Greater => Binary(">", left, right),
            ComparisonOperator.GreaterOrEqual => Binary(">=", left, right),
            _ => throw new FilterException($"unknown operator {op}"),
        };

        if (!op.IsAnyOf())
        {
            SqlFragment? all = null;
            if (left.MultiMatch != null && right.MultiMatch != null) all = ManyVsMany(left, plain, right);
            else if (left.MultiMatch != null) all = ManyVsOne(left.MultiMatch, left.NullFallback, plain, right, inverse: false);
            else if (right.MultiMatch != null) all = ManyVsOne(right.MultiMatch, right.NullFallback, plain, left, inverse: true);
            if (all != null)
                expr = new SqlFragment($"(({expr.Sql}) AND ({all.Sql}))", SqlFragment.Merge(expr.Parameters, all.Parameters));
        }

        if (left.AfterBuild != null) expr = left.AfterBuild(expr);
        if (right.AfterBuild != null) expr = right.AfterBuild(expr);
        return expr;
    }

    private static SqlFragment Binary(string sqlOp, ResolvedOperand l, ResolvedOperand r)
        => new($"{l.Sql} {sqlOp} {r.Sql}", SqlFragment.Merge(l.Parameters, r.Parameters));

    private static SqlFragment LikeExpr(string sqlOp, ResolvedOperand l, ResolvedOperand r)
    {
        // a column (no parameters) on the right is always a "contains" search
        if (r.Parameters.Count == 0)
            return new($"{l.Sql} {sqlOp} ('%' || {r.Sql} || '%') ESCAPE '\\'", l.Parameters);

        var wrapped = r.Parameters.ToDictionary(p => p.Key, p => (object?)LikePattern.ForValue(ToText(p.Value)));
        return new($"{l.Sql} {sqlOp} {r.Sql} ESCAPE '\\'", SqlFragment.Merge(l.Parameters, wrapped));
    }

    /// <summary>
    /// "=" / "!=" avoiding COALESCE where one side is known: <c>a = '' OR a IS NULL</c> can use an
    /// index, <c>COALESCE(a, '') = ''</c> cannot.
    /// </summary>
    private static SqlFragment EqualExpr(bool equal, ResolvedOperand l, ResolvedOperand r)
    {
        // "!=" always as IS NOT: 'x' != NULL would be NULL, not true
        var eqOp = equal ? "=" : "IS NOT";
        var nullEqOp = equal ? "IS" : "IS NOT";
        var concat = equal ? "OR" : "AND";
        var nullCheck = equal ? "IS NULL" : "IS NOT NULL";
        var ps = SqlFragment.Merge(l.Parameters, r.Parameters);

        if (l.NullFallback == NullFallback.Disabled || r.NullFallback == NullFallback.Disabled)
            return new($"{l.Sql} {nullEqOp} {r.Sql}", ps);

        var leftEmpty = IsEmptyIdentifier(l) || (l.NullFallback == NullFallback.Auto && l.Parameters.Count == 1 && HasEmptyParameter(l));
        var rightEmpty = IsEmptyIdentifier(r) || (r.NullFallback == NullFallback.Auto && r.Parameters.Count == 1 && HasEmptyParameter(r));

        if (leftEmpty && rightEmpty) return new($"'' {eqOp} ''", ps);

        if (IsKnownNonEmpty(l) || IsKnownNonEmpty(r))
            return new($"{(leftEmpty ? "''" : l.Sql)} {eqOp} {(rightEmpty ? "''" : r.Sql)}", ps);

        if (leftEmpty) return new($"('' {eqOp} {r.Sql} {concat} {r.Sql} {nullCheck})", ps);
        if (rightEmpty) return new($"({l.Sql} {eqOp} '' {concat} {l.Sql} {nullCheck})", ps);

        return new($"COALESCE({l.Sql}, '') {eqOp} COALESCE({r.Sql}, '')", ps);
    }

    private static bool HasEmptyParameter(ResolvedOperand o) => o.Parameters.Values.Any(v => v is null or "");

    private static bool IsEmptyIdentifier(ResolvedOperand o) => o.Sql.ToLowerInvariant() is "" or "null" or "''" or "\"\"" or "``";

    private static bool IsKnownNonEmpty(ResolvedOperand o)
    {
        if (o.NullFallback == NullFallback.Enforced) return false;
        if (o.Sql.ToLowerInvariant() is "1" or "0" or "true" or "false") return true;
        return o.Parameters.Count > 0 && !HasEmptyParameter(o) && !IsEmptyIdentifier(o);
    }

    /// <summary>No item of the multi-valued side may fail the comparison with the single side.</summary>
    private SqlFragment ManyVsOne(MultiMatchSubquery sub, NullFallback fallback, ComparisonOperator op, ResolvedOperand other, bool inverse)
    {
        var alias = "__sm" + _scope.NewAliasSuffix();
        var item = new ResolvedOperand { Sql = SqlName.Column(alias, "multiMatchValue"), NullFallback = fallback, AfterBuild = Not };
        var one = new ResolvedOperand { Sql = other.Sql, Parameters = other.Parameters };
        var where = inverse ? Build(one, op, item) : Build(item, op, one);
        var subSql = sub.Build();
        return new SqlFragment($"NOT EXISTS (SELECT 1 FROM ({subSql.Sql}) {SqlName.Quote(alias)} WHERE {where.Sql})",
            SqlFragment.Merge(subSql.Parameters, where.Parameters));
    }

    /// <summary>No pair of items of the two multi-valued sides may fail the comparison.</summary>
    private SqlFragment ManyVsMany(ResolvedOperand left, ComparisonOperator op, ResolvedOperand right)
    {
        var la = "__ml" + _scope.NewAliasSuffix();
        var ra = "__mr" + _scope.NewAliasSuffix();
        var where = Build(
            new ResolvedOperand { Sql = SqlName.Column(la, "multiMatchValue"), NullFallback = left.NullFallback },
            op,
            new ResolvedOperand { Sql = SqlName.Column(ra, "multiMatchValue"), NullFallback = right.NullFallback, AfterBuild = Not });
        var ls = left.MultiMatch!.Build();
        var rs = right.MultiMatch!.Build();
        return new SqlFragment(
            $"NOT EXISTS (SELECT 1 FROM ({ls.Sql}) {SqlName.Quote(la)} LEFT JOIN ({rs.Sql}) {SqlName.Quote(ra)} WHERE {where.Sql})",
            SqlFragment.Merge(ls.Parameters, rs.Parameters, where.Parameters));
    }

    private static SqlFragment Not(SqlFragment f) => new($"NOT ({f.Sql})", f.Parameters);

    internal static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
