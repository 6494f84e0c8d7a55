using System.Text.Json.Nodes;
using Satchel.Errors;

namespace Satchel.Models.Fields;

/// <summary>
/// The shared part of the email and url fields: a text value whose domain may be limited to an
/// allow list (onlyDomains) or a deny list (exceptDomains), never both.
/// </summary>
public abstract class DomainListField : Field, IRequirable
{
    public List<string>? ExceptDomains { get; set; }
    public List<string>? OnlyDomains { get; set; }
    public bool Required { get; set; }

    public override string ColumnDefinition => "TEXT DEFAULT '' NOT NULL";

    public override object? Normalize(object? raw) => RawValue.ToText(raw);

    /// <summary>True when <paramref name="domain"/> passes the allow/deny lists.</summary>
    protected bool IsDomainAllowed(string domain)
    {
        if (OnlyDomains is { Count: > 0 } && !OnlyDomains.Contains(domain)) return false;
        return !(ExceptDomains is { Count: > 0 } && ExceptDomains.Contains(domain));
    }

    public override void ValidateSettings(FieldSettingsContext ctx, ValidationErrors errors)
    {
        base.ValidateSettings(ctx, errors);
        CheckList("exceptDomains", ExceptDomains, OnlyDomains, errors);
        CheckList("onlyDomains", OnlyDomains, ExceptDomains, errors);
    }

    private static void CheckList(string key, List<string>? list, List<string>? other, ValidationErrors errors)
    {
        if (other is { Count: > 0 })
        {
            if (list is { Count: > 0 }) errors.Add(key, FieldErrors.Empty());
            return;
        }
        errors.AddNested(key, CommonSettingRules.CheckDomains(list));
    }

    public override void WriteSettings(JsonObject json)
    {
        json["exceptDomains"] = SettingsJson.ToArray(ExceptDomains);
        json["onlyDomains"] = SettingsJson.ToArray(OnlyDomains);
        json["required"] = Required;
    }

    public override void ReadSettings(JsonObject json)
    {
        ExceptDomains = SettingsJson.NullableStrings(json, "exceptDomains");
        OnlyDomains = SettingsJson.NullableStrings(json, "onlyDomains");
        Required = SettingsJson.Bool(json, "required");
    }
}
