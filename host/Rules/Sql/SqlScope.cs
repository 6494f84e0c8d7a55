namespace Satchel.Rules.Sql;

/// <summary>
/// Hands out unique parameter names (<c>p0</c>, <c>p1</c>, …) and alias suffixes for one SQL
/// statement, so fragments compiled separately (a rule, a client filter, a sort) can be combined.
/// </summary>
public sealed class SqlScope
{
    private int _params;
    private int _aliases;

    /// <summary>The instant the date macros of every expression in the statement refer to.</summary>
    public DateTimeOffset Now { get; set; } = DateTimeOffset.UtcNow;

    /// <summary>A fresh parameter name (without "@").</summary>
    public string NewParameter() => "p" + _params++;

    /// <summary>A unique short suffix for table aliases.</summary>
    public string NewAliasSuffix() => (_aliases++).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A one-parameter fragment: <c>@pN</c> bound to <paramref name="value"/>.</summary>
    public SqlFragment Parameter(object? value)
    {
        var name = NewParameter();
        return new SqlFragment("@" + name, new Dictionary<string, object?> { [name] = value });
    }
}
