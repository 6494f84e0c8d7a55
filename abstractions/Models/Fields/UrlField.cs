using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>A URL, optionally limited to or excluding some hosts.</summary>
public sealed class UrlField : DomainListField
{
    public const string TypeName = "url";

    public override string Type => TypeName;

    public override ValidationError? ValidateValue(Record record, object? value)
    {
        var url = value as string ?? RawValue.ToText(value);
        if (url == "") return Required ? FieldErrors.Required() : null;
        if (!AddressRules.IsUrl(url)) return FieldErrors.Create("validation_invalid_url", "Must be a valid url.");
        if (!IsDomainAllowed(AddressRules.UrlHost(url)))
            return FieldErrors.Create("validation_url_domain_not_allowed", "Url domain is not allowed.");
        return null;
    }
}
