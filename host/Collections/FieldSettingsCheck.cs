using Satchel.Errors;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Collections;

/// <summary>Runs each field's own settings validation within its collection.</summary>
public static class FieldSettingsCheck
{
    public static ValidationErrors Validate(Field field, Collection collection, Collection? original, CollectionStore store)
    {
        var errors = new ValidationErrors();
        field.ValidateSettings(new FieldSettingsContext(collection, store.FindByNameOrId, original), errors);
        return errors;
    }
}
