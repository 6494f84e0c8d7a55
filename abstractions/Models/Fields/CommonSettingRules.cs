using System.Text;
using System.Text.RegularExpressions;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>The checks every field type applies to its id, name and help text.</summary>
public static partial class CommonSettingRules
{
    /// <summary>Names that would clash with filter literals or the dynamic record keys.</summary>
    public static readonly IReadOnlyList<string> ReservedNames = ["null", "true", "false", "_rowid_", "collectionId", "collectionName", "expand"];

    public static ValidationError? CheckId(string id)
    {
        if (id == "") return FieldErrors.Required();
        return ByteLength(id) > 100 ? FieldErrors.Length(1, 100) : null;
    }

    public static ValidationError? CheckName(string name)
    {
        if (name == "") return FieldErrors.Required();
        if (ByteLength(name) > 100) return FieldErrors.Length(1, 100);
        if (!NamePattern().IsMatch(name)) return FieldErrors.MatchInvalid();
        if (ReservedNames.Contains(name)) return FieldErrors.NotInInvalid();
        if (name.Contains("_via_", StringComparison.OrdinalIgnoreCase))
            return FieldErrors.Create("validation_found_via", "The value cannot contain \"_via_\".");
        return null;
    }

    public static ValidationError? CheckHelp(string help) => ByteLength(help) > 300 ? FieldErrors.Length(1, 300) : null;

    /// <summary>A non-negative count or size that fits a JSON number exactly.</summary>
    public static ValidationError? CheckSize(long value)
    {
        if (value < 0) return FieldErrors.MinThreshold(0);
        return value > FieldErrors.MaxSafeJsonInt ? FieldErrors.MaxThreshold(FieldErrors.MaxSafeJsonInt) : null;
    }

    /// <summary>A regular expression option (empty means none).</summary>
    public static ValidationError? CheckRegex(string pattern) =>
        pattern != "" && GoRegex.Check(pattern) is { } reason ? FieldErrors.InvalidRegex(reason) : null;

    /// <summary>Each item a valid domain; errors keyed by item index.</summary>
    public static ValidationErrors CheckDomains(IReadOnlyList<string>? domains)
    {
        var errors = new ValidationErrors();
        for (var i = 0; i < (domains?.Count ?? 0); i++)
        {
            if (domains![i] != "" && !AddressRules.IsDomain(domains[i])) errors.Add(i.ToString(), FieldErrors.IsDomain());
        }
        return errors;
    }

    private static int ByteLength(string s) => Encoding.UTF8.GetByteCount(s);

    // Go's \w is ASCII only.
    [GeneratedRegex("^[A-Za-z0-9_]+$")]
    private static partial Regex NamePattern();
}
