using Satchel.Errors;
using Satchel.Models;

namespace Satchel.Collections;

/// <summary>Validates the options of an auth collection (rules, token settings, templates, auth methods).</summary>
internal sealed class AuthOptionsValidator(Collection updated, Collection original, bool isNew, CollectionValidator rules)
{
    private const long MaxTokenDuration = 94670856; // about three years

    public ValidationErrors Validate()
    {
        var o = updated.Auth!;
        var errors = new ValidationErrors();

        Add(errors, "authRule", rules.CheckRule(o.AuthRule) ?? rules.SystemRuleChange(o.AuthRule, original.Auth?.AuthRule));
        Add(errors, "manageRule", (o.ManageRule == "" ? CollectionErrors.NilOrNotEmpty() : null)
            ?? rules.CheckRule(o.ManageRule) ?? rules.SystemRuleChange(o.ManageRule, original.Auth?.ManageRule));

        AddNested(errors, "authAlert", new ValidationErrors().AddNested("emailTemplate", Template(o.AuthAlert.EmailTemplate)));

        if (o.PasswordAuth.Enabled && o.PasswordAuth.IdentityFields.Distinct().Count() == 0)
            AddNested(errors, "passwordAuth", new ValidationErrors().Add("identityFields", CollectionErrors.Required()));

        if (o.OAuth2.Enabled) AddNested(errors, "oauth2", OAuth2(o.OAuth2));

        if (o.Otp.Enabled)
        {
            var otp = new ValidationErrors();
            Add(otp, "duration", Duration(o.Otp.Duration, 86400));
            Add(otp, "length", o.Otp.Length == 0 ? CollectionErrors.Required() : o.Otp.Length < 4 ? CollectionErrors.Min(4) : null);
            AddNested(errors, "otp", otp);
        }
        AddNested(errors, "otp", new ValidationErrors().AddNested("emailTemplate", Template(o.Otp.EmailTemplate)));

        if (o.Mfa.Enabled && Duration(o.Mfa.Duration, 86400) is { } mfaDuration)
            AddNested(errors, "mfa", new ValidationErrors().Add("duration", mfaDuration));

        AddNested(errors, "authToken", Token(o.AuthToken));
        AddNested(errors, "passwordResetToken", Token(o.PasswordResetToken));
        AddNested(errors, "emailChangeToken", Token(o.EmailChangeToken));
        AddNested(errors, "verificationToken", Token(o.VerificationToken));
        AddNested(errors, "fileToken", Token(o.FileToken));

        AddTemplate(errors, "verificationTemplate", o.VerificationTemplate);
        AddTemplate(errors, "resetPasswordTemplate", o.ResetPasswordTemplate);
        AddTemplate(errors, "confirmEmailChangeTemplate", o.ConfirmEmailChangeTemplate);
        if (!errors.IsEmpty) return errors;

        if (o.Mfa.Enabled)
        {
            var methods = (o.PasswordAuth.Enabled ? 1 : 0) + (o.OAuth2.Enabled ? 1 : 0) + (o.Otp.Enabled ? 1 : 0);
            if (methods < 2)
                return errors.AddNested("mfa", new ValidationErrors().Add("enabled",
                    "validation_mfa_not_enough_auths", "MFA requires at least 2 auth methods to be enabled."));
            if (o.Mfa.Rule != "")
            {
                var ruleError = rules.CheckRule(o.Mfa.Rule) ?? (isNew ? null : rules.SystemRuleChange(o.Mfa.Rule, original.Auth?.Mfa.Rule ?? ""));
                if (ruleError != null) return errors.AddNested("mfa", new ValidationErrors().Add("rule", ruleError));
            }
        }

        if (o.PasswordAuth.Enabled)
        {
            var identityError = IdentityFields(o.PasswordAuth.IdentityFields);
            if (identityError != null)
                return errors.AddNested("passwordAuth", new ValidationErrors().Add("identityFields", identityError));
        }
        return errors;
    }

    private static void Add(ValidationErrors errors, string key, ValidationError? error)
    {
        if (error != null) errors.Add(key, error);
    }

    private static void AddNested(ValidationErrors errors, string key, ValidationErrors nested)
    {
        if (!nested.IsEmpty) errors.AddNested(key, nested);
    }

    private static void AddTemplate(ValidationErrors errors, string key, EmailTemplate t)
    {
        if (t.Subject == "" && t.Body == "") errors.Add(key, CollectionErrors.Required());
        else AddNested(errors, key, Template(t));
    }

    private static ValidationErrors Template(EmailTemplate t)
    {
        var e = new ValidationErrors();
        if (t.Subject == "") e.Add("subject", CollectionErrors.Required());
        if (t.Body == "") e.Add("body", CollectionErrors.Required());
        return e;
    }

    private static ValidationErrors Token(TokenOptions t)
    {
        var e = new ValidationErrors();
        if (t.Secret == "") e.Add("secret", CollectionErrors.Required());
        else if (t.Secret.Length is < 30 or > 255) e.Add("secret", CollectionErrors.Length(30, 255));
        Add(e, "duration", Duration(t.Duration, MaxTokenDuration));
        return e;
    }

    private static ValidationError? Duration(long value, long max)
        => value == 0 ? CollectionErrors.Required() : value < 10 ? CollectionErrors.Min(10) : value > max ? CollectionErrors.Max(max) : null;

    private static ValidationErrors OAuth2(OAuth2Options o)
    {
        var errors = new ValidationErrors();
        var providers = o.Providers ?? new List<OAuth2ProviderConfig>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var list = new ValidationErrors();
        for (var i = 0; i < providers.Count; i++)
        {
            var p = providers[i];
            if (p.Name != "" && !seen.Add(p.Name))
            {
                list = new ValidationErrors().AddNested(i.ToString(), new ValidationErrors().Add("name",
                    "validation_duplicated_provider", $"The provider {p.Name} is already registered."));
                break;
            }
        }
        if (list.IsEmpty)
        {
            for (var i = 0; i < providers.Count; i++)
            {
                var p = providers[i];
                var e = new ValidationErrors();
                if (p.Name == "") e.Add("name", CollectionErrors.Required());
                else if (!OAuth2ProviderNames.IsKnown(p.Name))
                    e.Add("name", "validation_missing_provider", $"Invalid or missing provider with name {p.Name}.");
                if (p.ClientId == "") e.Add("clientId", CollectionErrors.Required());
                if (p.ClientSecret == "") e.Add("clientSecret", CollectionErrors.Required());
                if (!IsUrlOrEmpty(p.AuthURL)) e.Add("authURL", CollectionErrors.InvalidUrl());
                if (!IsUrlOrEmpty(p.TokenURL)) e.Add("tokenURL", CollectionErrors.InvalidUrl());
                if (!IsUrlOrEmpty(p.UserInfoURL)) e.Add("userInfoURL", CollectionErrors.InvalidUrl());
                if (!e.IsEmpty) list.AddNested(i.ToString(), e);
            }
        }
        if (!list.IsEmpty) errors.AddNested("providers", list);
        return errors;
    }

    private static bool IsUrlOrEmpty(string url)
        => url == "" || (Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Host != "");

    private ValidationError? IdentityFields(List<string> names)
    {
        foreach (var name in names)
        {
            if (updated.Fields.FirstOrDefault(f => f.Name == name) == null)
                return new ValidationError("validation_missing_field", $"Invalid or missing field {name}");
            if (IndexDefinition.FindSingleColumnUnique(updated.Indexes, name) == null)
                return new ValidationError("validation_missing_unique_constraint", $"The field {name} doesn't have a UNIQUE constraint.");
        }
        return null;
    }
}
