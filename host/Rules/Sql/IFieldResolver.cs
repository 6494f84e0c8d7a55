namespace Satchel.Rules.Sql;

/// <summary>
/// Turns an identifier of a filter or sort (a field path, <c>@request.*</c>, <c>@collection.*</c> …)
/// into SQL. Implementations throw <see cref="FilterException"/> for identifiers they do not allow.
/// Parameter names must be taken from <paramref name="scope"/> so they stay unique in the statement.
/// </summary>
public interface IFieldResolver
{
    ResolvedOperand Resolve(string identifier, SqlScope scope);
}
