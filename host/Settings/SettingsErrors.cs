using Satchel.Errors;

namespace Satchel.Settings;

/// <summary>
/// The per-field errors the settings forms report, with PocketBase's codes and its API wording
/// (first letter upper case, final period). Each rule returns null when the value passes.
/// </summary>
public static class SettingsErrors
{
    public static ValidationError Required() => new("validation_required", "Cannot be blank.");
    public static ValidationError InInvalid() => new("validation_in_invalid", "Must be a valid value.");
    public static ValidationError MatchInvalid() => new("validation_match_invalid", "Must be in a valid format.");
    public static ValidationError NotUrl() => new("validation_is_url", "Must be a valid URL.");
    public static ValidationError NotEmail() => new("validation_is_email", "Must be a valid email address.");
    public static ValidationError NotHost() => new("validation_is_host", "Must be a valid IP address or DNS name.");
    public static ValidationError NotHexColor() => new("validation_is_hex_color", "Must be a valid hexadecimal color code.");
    // The code keeps PocketBase's spelling: clients match on it.
    public static ValidationError NotIpOrSubnet() => new("validation_invlaid_ip_or_subnet", "Invalid IP or CIDR subnet.");
    public static ValidationError Min(long min) => new("validation_min_greater_equal_than_required", $"Must be no less than {min}.");
    public static ValidationError Max(long max) => new("validation_max_less_equal_than_required", $"Must be no greater than {max}.");
    public static ValidationError InvalidCron(string detail) => new("validation_invalid_cron", Sentence(detail));
    public static ValidationError InvalidAuthCollection() => new("validation_invalid_auth_collection", "Must be a valid auth collection id or name.");

    public static ValidationError ConflictingRateLimitRule(string label) => new("validation_conflicting_rate_limit_rule",
        $"Rate limit rule configuration with label {label} already exists or conflicts with another rule.");

    /// <summary>A string length outside [min, max] in characters (runes).</summary>
    public static ValidationError Length(int min, int max) => min == max
        ? new("validation_length_invalid", $"The length must be exactly {min}.")
        : new("validation_length_out_of_range", $"The length must be between {min} and {max}.");

    // --- rules; like PocketBase's, all but Required let an empty value pass ---

    public static ValidationError? RequiredRule(string value) => value.Length == 0 ? Required() : null;
    public static ValidationError? RequiredRule(long value) => value == 0 ? Required() : null;
    public static ValidationError? RequiredWhen(bool condition, string value) => condition ? RequiredRule(value) : null;
    public static ValidationError? RequiredWhen(bool condition, long value) => condition ? RequiredRule(value) : null;

    public static ValidationError? MinRule(long value, long min) => value != 0 && value < min ? Min(min) : null;
    public static ValidationError? MaxRule(long value, long max) => value != 0 && value > max ? Max(max) : null;

    public static ValidationError? LengthRule(string value, int min, int max)
    {
        if (value.Length == 0) return null;
        var runes = value.EnumerateRunes().Count();
        return runes < min || runes > max ? Length(min, max) : null;
    }

    public static ValidationError? Format(string value, Func<string, bool> isValid, Func<ValidationError> error)
        => value.Length > 0 && !isValid(value) ? error() : null;

    public static ValidationError? InRule(string value, params string[] allowed)
        => value.Length > 0 && !allowed.Contains(value, StringComparer.Ordinal) ? InInvalid() : null;

    /// <summary>Runs the rules in order and records the first failure under <paramref name="key"/>.</summary>
    public static void Check(ValidationErrors errors, string key, params ValidationError?[] results)
    {
        var first = results.FirstOrDefault(r => r != null);
        if (first != null) errors.Add(key, first);
    }

    /// <summary>Trimmed, first letter upper case, ending with a period.</summary>
    public static string Sentence(string message)
    {
        message = message.Trim();
        if (message == "") return "";
        message = char.ToUpperInvariant(message[0]) + message[1..];
        return message[^1] is '.' or '?' or '!' ? message : message + ".";
    }
}
