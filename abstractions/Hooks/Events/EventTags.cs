using Satchel.Models;

namespace Satchel.Hooks;

/// <summary>The tags events carry, so handlers bound with collection names or ids match them.</summary>
internal static class EventTags
{
    public static IEnumerable<string> Of(Collection? collection)
    {
        if (collection == null) yield break;
        if (collection.Id != "") yield return collection.Id;
        if (collection.Name != "") yield return collection.Name;
    }

    public static IEnumerable<string> Of(Record? record) => Of(record?.Collection);
}
