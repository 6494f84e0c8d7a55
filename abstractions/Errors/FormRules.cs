using Satchel.Models.Fields;

namespace Satchel.Errors;

/// <summary>
/// The field checks of small action forms (auth actions, OTP, …), with PocketBase's codes and messages. Each
/// check returns the first failing rule of its field (or null), the way PocketBase's validator
/// stops at the first broken rule of a field.
/// </summary>
public static class FormRules
{
    public static ValidationError Required() => new("validation_required", "Cannot be blank.");

    public static ValidationError Length(int min, int max) => new("validation_length_out_of_range", $"The length must be between {min} and {max}.");

    /// <summary>Required, 1–255 characters, an email address.</summary>
    public static ValidationError? Email(string value)
    {
        if (value == "") return Required();
        if (Runes(value) > 255) return Length(1, 255);
        if (!AddressRules.IsEmail(value)) return new ValidationError("validation_is_email", "Must be a valid email address.");
        return null;
    }

    /// <summary>Required and <paramref name="min"/>–<paramref name="max"/> characters.</summary>
    public static ValidationError? RequiredText(string value, int min, int max)
    {
        if (value == "") return Required();
        var length = Runes(value);
        return length < min || length > max ? Length(min, max) : null;
    }

    public static int Runes(string value) => value.EnumerateRunes().Count();

    /// <summary>Adds <paramref name="error"/> under <paramref name="key"/> when there is one.</summary>
    public static void AddIf(this ValidationErrors errors, string key, ValidationError? error)
    {
        if (error != null) errors.Add(key, error);
    }
}
