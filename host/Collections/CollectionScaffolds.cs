using Satchel.Models;

namespace Satchel.Collections;

/// <summary>The blank collection of each type, as the dashboard starts a new one: no id, no name, default fields and options.</summary>
public static class CollectionScaffolds
{
    public static Dictionary<string, Collection> All()
    {
        // A random id only to name the default auth indexes, then cleared like PocketBase does.
        var randomId = SecretGenerator.Random(10, SecretGenerator.LowerAlphanumeric);
        var result = new Dictionary<string, Collection>
        {
            [CollectionType.Auth] = CollectionDefaults.New(CollectionType.Auth, "", randomId),
            [CollectionType.Base] = CollectionDefaults.New(CollectionType.Base, "", randomId),
            [CollectionType.View] = CollectionDefaults.New(CollectionType.View, "", randomId),
        };
        foreach (var c in result.Values)
        {
            c.Id = "";
            c.Fields = CollectionDefaults.WithDefaultIds(c.Fields);
        }
        return result;
    }
}
