using Satchel.Rules.Syntax;

namespace Satchel.Rules.Sql;

/// <summary>
/// Accumulates the conditions and sort of one search over a table – e.g. a collection's
/// listRule, then the client's filter and sort – sharing one parameter scope and one set of
/// joins, and builds the <see cref="SearchSql"/>.
/// </summary>
public sealed class SearchQuery
{
    private readonly IFieldResolver _resolver;
    private readonly JoinSet _joins = new();
    private readonly List<SqlFragment> _conditions = new();
    private readonly List<SqlFragment> _orderBy = new();

    /// <param name="table">The table read (a collection's table, or a CTE name).</param>
    /// <param name="alias">The alias the resolver's SQL uses for it (default: the table name).</param>
    public SearchQuery(string table, IFieldResolver resolver, string? alias = null)
    {
        Table = table;
        Alias = alias ?? table;
        _resolver = resolver;
    }

    public string Table { get; }
    public string Alias { get; }
    public SqlScope Scope { get; } = new();

    /// <summary>Values for <c>{:name}</c> placeholders in the filters.</summary>
    public IReadOnlyDictionary<string, object?>? Placeholders { get; set; }

    /// <summary>The instant for date macros (default: when the query was created).</summary>
    public DateTimeOffset Now
    {
        get => Scope.Now;
        set => Scope.Now = value;
    }

    /// <summary>ANDs the filter to the search. Throws <see cref="FilterException"/> when invalid.</summary>
    public SearchQuery Where(string filter, FilterLimits? limits = null) => Where(FilterParser.Parse(filter, limits));

    public SearchQuery Where(FilterNode filter)
    {
        var compiled = new FilterCompiler(_resolver, Scope, Placeholders).Compile(filter);
        _joins.Add(compiled);
        _conditions.Add(compiled.Where);
        return this;
    }

    /// <summary>Limits the search to the record with <paramref name="id"/>.</summary>
    public SearchQuery WhereId(string id)
    {
        var p = Scope.Parameter(id);
        return WhereRaw(p with { Sql = $"{SqlName.Column(Alias, "id")} = {p.Sql}" });
    }

    /// <summary>Adds a condition built by the caller; take its parameter names from <see cref="Scope"/> so they stay unique.</summary>
    public SearchQuery WhereRaw(SqlFragment condition)
    {
        _conditions.Add(condition);
        return this;
    }

    /// <summary>Appends sort fields in PocketBase's syntax ("-created,title").</summary>
    public SearchQuery OrderBy(string? sort) => OrderBy(SortParser.Parse(sort));

    public SearchQuery OrderBy(IEnumerable<SortField> fields)
    {
        foreach (var field in fields)
        {
            if (_orderBy.Count >= SortParser.MaxFields)
                throw new FilterException($"too many sort fields (max {SortParser.MaxFields})");
            _orderBy.Add(SortExpression(field));
        }
        return this;
    }

    private SqlFragment SortExpression(SortField field)
    {
        var dir = field.Direction == SortDirection.Desc ? "DESC" : "ASC";
        if (field.Name == SortField.Random) return new SqlFragment("RANDOM()");
        if (field.Name == SortField.RowId) return new SqlFragment($"{SqlName.Column(Alias, "_rowid_")} {dir}");

        ResolvedOperand resolved;
        try
        {
            resolved = _resolver.Resolve(field.Name, Scope);
        }
        catch (FilterException e)
        {
            throw new FilterException($"invalid sort field \"{field.Name}\" ({e.Detail})");
        }
        // values (request data, literals) and NULL cannot order rows
        if (resolved.Parameters.Count > 0 || resolved.Sql.Length == 0 || resolved.Sql.Equals("null", StringComparison.OrdinalIgnoreCase))
            throw new FilterException($"invalid sort field \"{field.Name}\"");
        _joins.Add(resolved);
        return new SqlFragment($"{resolved.Sql} {dir}");
    }

    public SearchSql Build()
    {
        var conditions = new List<SqlFragment>(_conditions);
        var joins = new List<SqlJoin>(_joins.Joins);
        foreach (var c in _joins.Constraints)
        {
            conditions.Add(c.Condition);
            foreach (var j in c.Joins)
            {
                var i = joins.FindIndex(x => x.Alias == j.Alias);
                if (i >= 0) joins[i] = j; else joins.Add(j);
            }
        }

        string? where = conditions.Count switch
        {
            0 => null,
            1 => conditions[0].Sql,
            _ => string.Join(" AND ", conditions.Select(c => "(" + c.Sql + ")")),
        };
        var parameters = SqlFragment.Merge(conditions.Select(c => c.Parameters)
            .Concat(joins.Where(j => j.Parameters != null).Select(j => j.Parameters!)).ToArray());
        var orderBy = _orderBy.Count == 0 ? null : string.Join(", ", _orderBy.Select(o => o.Sql));
        return new SearchSql(Table, Alias, joins, where, orderBy, parameters);
    }
}
