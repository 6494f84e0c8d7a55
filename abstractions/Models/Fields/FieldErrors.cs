using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>
/// The validation errors PocketBase reports for field values and field settings: the same codes,
/// and messages already rendered the way its API prints them (template filled in, first letter
/// upper case, final period). The template parameters are kept in <see cref="ValidationError.Params"/>.
/// </summary>
public static class FieldErrors
{
    public const long MaxSafeJsonInt = (1L << 53) - 1;

    public static ValidationError Create(string code, string message, params (string Key, object? Value)[] parameters) =>
        new(code, message, parameters.Length == 0 ? null : parameters.ToDictionary(p => p.Key, p => p.Value));

    // generic rules
    public static ValidationError Required() => Create("validation_required", "Cannot be blank.");
    public static ValidationError Empty() => Create("validation_empty", "Must be blank.");
    public static ValidationError MatchInvalid() => Create("validation_match_invalid", "Must be in a valid format.");
    public static ValidationError InInvalid(string message = "Must be a valid value.") => Create("validation_in_invalid", message);
    public static ValidationError NotInInvalid() => Create("validation_not_in_invalid", "Must not be in list.");
    public static ValidationError ValuesMismatch() => Create("validation_values_mismatch", "Values don't match.");
    public static ValidationError MinThreshold(long threshold) => Create("validation_min_greater_equal_than_required", $"Must be no less than {threshold}.", ("threshold", threshold));
    public static ValidationError MaxThreshold(long threshold) => Create("validation_max_less_equal_than_required", $"Must be no greater than {threshold}.", ("threshold", threshold));
    public static ValidationError IsDomain() => Create("validation_is_domain", "Must be a valid domain.");

    /// <summary>A byte or character length outside [min, max] (PocketBase's length rule; 0 means no bound).</summary>
    public static ValidationError Length(int min, int max)
    {
        var (code, message) = (min, max) switch
        {
            (0, > 0) => ("validation_length_too_long", $"The length must be no more than {max}."),
            (> 0, 0) => ("validation_length_too_short", $"The length must be no less than {min}."),
            var (a, b) when a > 0 && a == b => ("validation_length_invalid", $"The length must be exactly {min}."),
            (> 0, > 0) => ("validation_length_out_of_range", $"The length must be between {min} and {max}."),
            _ => ("validation_length_empty_required", "The value must be empty."),
        };
        return Create(code, message, ("min", min), ("max", max));
    }

    // text-like values
    public static ValidationError MinText(int min) => Create("validation_min_text_constraint", $"Must be at least {min} character(s).", ("min", min));
    public static ValidationError MaxText(int max) => Create("validation_max_text_constraint", $"Must be no more than {max} character(s).", ("max", max));
    public static ValidationError InvalidFormat() => Create("validation_invalid_format", "Invalid value format.");
    public static ValidationError InvalidRegex(string detail) => Create("validation_invalid_regex", Sentence(detail));

    // numbers
    public static ValidationError NotANumber() => Create("validation_not_a_number", "The submitted number is not properly formatted.");
    public static ValidationError OnlyInt() => Create("validation_only_int_constraint", "Decimal numbers are not allowed.");
    public static ValidationError MinNumber(double min) => Create("validation_min_number_constraint", $"Must be greater or equal than {GoFormat.FormatV(min)}.", ("min", min));
    public static ValidationError MaxNumber(double max) => Create("validation_max_number_constraint", $"Must be less or equal than {GoFormat.FormatV(max)}.", ("max", max));

    // multi-value fields
    public static ValidationError TooManyValues(int maxSelect) => Create("validation_too_many_values", $"Select no more than {maxSelect}.", ("maxSelect", maxSelect));
    public static ValidationError NotEnoughValues(int minSelect) => Create("validation_not_enough_values", $"Select at least {minSelect}.", ("minSelect", minSelect));
    public static ValidationError InvalidValue(string value) => Create("validation_invalid_value", Sentence($"Invalid value {value}"), ("value", value));

    /// <summary>PocketBase's message finishing: trimmed, first letter upper case, ending with a period.</summary>
    public static string Sentence(string message)
    {
        message = message.Trim();
        if (message == "") return "";
        message = char.ToUpperInvariant(message[0]) + message[1..];
        return message[^1] is '.' or '?' or '!' ? message : message + ".";
    }
}
