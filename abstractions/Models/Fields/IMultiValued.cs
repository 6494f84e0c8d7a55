namespace Satchel.Models.Fields;

/// <summary>A field that holds one value or, when configured for more than one, a list of values (select, file, relation).</summary>
public interface IMultiValued
{
    /// <summary>True when the canonical value is a list (maxSelect &gt; 1).</summary>
    bool IsMultiple { get; }
}
