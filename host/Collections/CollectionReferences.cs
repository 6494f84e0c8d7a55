using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Collections;

/// <summary>A relation field of <see cref="Collection"/> that points at another collection.</summary>
public sealed record CollectionReference(Collection Collection, Field Field)
{
    public bool CascadeDelete => FieldSettings.GetBool(Field, "cascadeDelete");
    public bool Required => FieldSettings.GetBool(Field, "required");
}

/// <summary>Finds the relation fields that point at a collection.</summary>
public static class CollectionReferences
{
    public static List<CollectionReference> To(IEnumerable<Collection> all, Collection target, bool excludeSelf = false)
    {
        var result = new List<CollectionReference>();
        foreach (var c in all)
        {
            if (excludeSelf && c.Id == target.Id) continue;
            foreach (var f in c.Fields)
            {
                if (f.Type == "relation" && FieldSettings.GetString(f, "collectionId") == target.Id)
                    result.Add(new CollectionReference(c, f));
            }
        }
        return result;
    }
}
