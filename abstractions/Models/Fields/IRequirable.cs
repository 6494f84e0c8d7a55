namespace Satchel.Models.Fields;

/// <summary>A field with a "required" flag: a blank value fails validation.</summary>
public interface IRequirable
{
    bool Required { get; set; }
}
