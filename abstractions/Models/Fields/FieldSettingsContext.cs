namespace Satchel.Models.Fields;

/// <summary>What a field needs to know to validate its settings in the collection editor.</summary>
public sealed class FieldSettingsContext
{
    public FieldSettingsContext(Collection collection, Func<string, Collection?> findCollection, Collection? original = null)
    {
        Collection = collection;
        FindCollection = findCollection;
        Original = original;
    }

    /// <summary>The collection being saved (with its new fields).</summary>
    public Collection Collection { get; }

    /// <summary>Looks a stored collection up by id or name; null when there is none.</summary>
    public Func<string, Collection?> FindCollection { get; }

    /// <summary>The stored version of the collection being edited; null when it is new.</summary>
    public Collection? Original { get; }
}
