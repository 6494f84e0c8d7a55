namespace Satchel.Rules.Sql;

/// <summary>A piece of SQL with the values of the <c>@name</c> parameters it uses (keys without "@").</summary>
public sealed record SqlFragment(string Sql, IReadOnlyDictionary<string, object?> Parameters)
{
    public static readonly IReadOnlyDictionary<string, object?> NoParameters = new Dictionary<string, object?>();

    public SqlFragment(string sql) : this(sql, NoParameters) { }

    public static IReadOnlyDictionary<string, object?> Merge(params IReadOnlyDictionary<string, object?>[] sets)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var set in sets)
            foreach (var (k, v) in set) result[k] = v;
        return result;
    }
}
