using Satchel.Rules.Syntax;

namespace Satchel.Rules.Sql;

/// <summary>
/// The functions a filter may call (PocketBase's list): <c>geoDistance(lonA, latA, lonB, latB)</c>
/// – Haversine distance in km – and <c>strftime(format, [timeValue, modifiers…])</c> – SQLite's
/// strftime whose NULL result counts as empty.
/// </summary>
internal static class FilterFunctions
{
    public static ResolvedOperand Resolve(FunctionOperand fn, Func<Operand, ResolvedOperand> resolveArgument) => fn.Name switch
    {
        "geoDistance" => GeoDistance(fn, resolveArgument),
        "strftime" => Strftime(fn, resolveArgument),
        _ => throw new FilterException($"unknown function \"{fn.Name}\"", fn.Position),
    };

    private static ResolvedOperand GeoDistance(FunctionOperand fn, Func<Operand, ResolvedOperand> resolveArgument)
    {
        if (fn.Arguments.Count != 4)
            throw new FilterException($"geoDistance expects 4 arguments, got {fn.Arguments.Count}", fn.Position);
        var args = new ResolvedOperand[4];
        for (var i = 0; i < 4; i++)
        {
            if (fn.Arguments[i] is not (IdentifierOperand or NumberOperand or PlaceholderOperand))
                throw new FilterException($"geoDistance argument {i} must be an identifier or number", fn.Arguments[i].Position);
            args[i] = resolveArgument(fn.Arguments[i]);
        }
        string lonA = args[0].Sql, latA = args[1].Sql, lonB = args[2].Sql, latB = args[3].Sql;
        return Combine(args) with
        {
            NullFallback = NullFallback.Disabled,
            Sql = $"(6371 * acos(cos(radians({latA})) * cos(radians({latB})) * cos(radians({lonB}) - radians({lonA})) + sin(radians({latA})) * sin(radians({latB}))))",
        };
    }

    private static ResolvedOperand Strftime(FunctionOperand fn, Func<Operand, ResolvedOperand> resolveArgument)
    {
        var count = fn.Arguments.Count;
        if (count < 1) throw new FilterException("strftime expects at least 1 argument", fn.Position);
        if (count > 10) throw new FilterException($"strftime accepts at most 10 arguments, got {count}", fn.Position);
        if (fn.Arguments[0] is not (TextOperand or PlaceholderOperand))
            throw new FilterException("strftime expects the first argument to be a format string", fn.Arguments[0].Position);
        if (count > 1 && fn.Arguments[1] is not (TextOperand or IdentifierOperand or NumberOperand or PlaceholderOperand))
            throw new FilterException("strftime expects the second argument to be a time value", fn.Arguments[1].Position);
        for (var i = 2; i < count; i++)
            if (fn.Arguments[i] is not (TextOperand or PlaceholderOperand))
                throw new FilterException($"strftime modifier {i - 2} must be a string", fn.Arguments[i].Position);

        var args = fn.Arguments.Select(resolveArgument).ToArray();
        var combined = Combine(args) with
        {
            NullFallback = NullFallback.Enforced,
            Sql = "strftime(" + string.Join(",", args.Select(a => a.Sql)) + ")",
        };

        // a multi-valued time value (e.g. a multiple relation's dates) keeps its all-items semantic
        if (count > 1 && args[1].MultiMatch is { } mm)
        {
            var parts = args.Select(a => a.Sql).ToArray();
            parts[1] = mm.ValueSql;
            var sub = mm.CloneWithValue("strftime(" + string.Join(",", parts) + ")");
            foreach (var (k, v) in combined.Parameters) sub.Parameters[k] = v;
            combined = combined with { MultiMatch = sub };
        }
        return combined;
    }

    private static ResolvedOperand Combine(IEnumerable<ResolvedOperand> args)
    {
        var list = args.ToList();
        // argument post-processing (e.g. :changed expansions) applies to the whole comparison
        Func<SqlFragment, SqlFragment>? afterBuild = null;
        foreach (var a in list.Where(a => a.AfterBuild != null))
        {
            var previous = afterBuild;
            var next = a.AfterBuild!;
            afterBuild = previous == null ? next : f => next(previous(f));
        }
        return new ResolvedOperand
        {
            Sql = "",
            AfterBuild = afterBuild,
            Parameters = SqlFragment.Merge(list.Select(a => a.Parameters).ToArray()),
            Joins = list.SelectMany(a => a.Joins).ToList(),
            Constraints = list.SelectMany(a => a.Constraints).ToList(),
        };
    }
}
