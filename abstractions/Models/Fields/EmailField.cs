using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>An email address, optionally limited to or excluding some domains.</summary>
public sealed class EmailField : DomainListField
{
    public const string TypeName = "email";

    public override string Type => TypeName;

    public override ValidationError? ValidateValue(Record record, object? value)
    {
        var email = value as string ?? RawValue.ToText(value);
        if (email == "") return Required ? FieldErrors.Required() : null;
        if (!AddressRules.IsEmail(email)) return FieldErrors.Create("validation_is_email", "Must be a valid email address.");
        if (!IsDomainAllowed(AddressRules.EmailDomain(email)))
            return FieldErrors.Create("validation_email_domain_not_allowed", "Email domain is not allowed.");
        return null;
    }
}
