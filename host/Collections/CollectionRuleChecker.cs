using Satchel.Models;
using Satchel.Rules;
using Satchel.Rules.Resolvers;
using Satchel.Rules.Sql;

namespace Satchel.Collections;

/// <summary>Compiles an API rule against a collection (as PocketBase does on save) to tell whether it is valid.</summary>
public sealed class CollectionRuleChecker(CollectionStore store)
{
    /// <summary>Null when the rule compiles; otherwise the compiler's message.</summary>
    public string? Check(Collection collection, string rule)
    {
        try
        {
            var resolver = new RecordFieldResolver(collection, store.FindByNameOrId, new RequestInfo(), allowHiddenFields: true);
            new SearchQuery(collection.Name, resolver).Where(rule).Build();
            return null;
        }
        catch (FilterException e)
        {
            return e.Detail;
        }
    }
}
