namespace Satchel.Rules.Sql;

/// <summary>Joins and constraints collected while compiling, kept in first-seen order with the latest definition per alias/key.</summary>
internal sealed class JoinSet
{
    private readonly List<SqlJoin> _joins = new();
    private readonly List<SqlConstraint> _constraints = new();

    public IReadOnlyList<SqlJoin> Joins => _joins;
    public IReadOnlyList<SqlConstraint> Constraints => _constraints;

    public void Add(ResolvedOperand operand)
    {
        foreach (var j in operand.Joins) AddJoin(j);
        foreach (var c in operand.Constraints) AddConstraint(c);
    }

    public void Add(CompiledFilter filter)
    {
        foreach (var j in filter.Joins) AddJoin(j);
        foreach (var c in filter.Constraints) AddConstraint(c);
    }

    public void AddJoin(SqlJoin join)
    {
        var i = _joins.FindIndex(j => j.Alias == join.Alias);
        if (i >= 0) _joins[i] = join; else _joins.Add(join);
    }

    public void AddConstraint(SqlConstraint constraint)
    {
        var i = _constraints.FindIndex(c => c.Key == constraint.Key);
        if (i >= 0) _constraints[i] = constraint; else _constraints.Add(constraint);
    }
}
