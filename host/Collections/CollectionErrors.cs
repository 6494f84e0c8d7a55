using Satchel.Errors;

namespace Satchel.Collections;

/// <summary>The validation errors of collection settings, with PocketBase's codes and messages.</summary>
public static class CollectionErrors
{
    public static ValidationError Required() => new("validation_required", "Cannot be blank.");
    public static ValidationError NilOrNotEmpty() => new("validation_nil_or_not_empty_required", "Cannot be blank.");
    public static ValidationError MustBeNil() => new("validation_nil", "Must be blank.");
    public static ValidationError InvalidValue() => new("validation_in_invalid", "Must be a valid value.");
    public static ValidationError MatchInvalid() => new("validation_match_invalid", "Must be in a valid format.");
    public static ValidationError InvalidUrl() => new("validation_is_url", "Must be a valid URL.");

    public static ValidationError Length(int min, int max) =>
        new("validation_length_out_of_range", $"The length must be between {min} and {max}.");

    public static ValidationError LengthTooLong(int max) =>
        new("validation_length_too_long", $"The length must be no more than {max}.");

    public static ValidationError Min(long threshold) =>
        new("validation_min_greater_equal_than_required", $"Must be no less than {threshold}.");

    public static ValidationError Max(long threshold) =>
        new("validation_max_less_equal_than_required", $"Must be no greater than {threshold}.");

    public static ValidationError ExistingId() =>
        new("validation_invalid_or_existing_id", "The model id is invalid or already exists.");

    public static ValidationError IdChanged() => new("validation_values_mismatch", "Values don't match.");

    public static ValidationError FoundVia() => new("validation_found_via", "The value cannot contain \"_via_\".");
}
