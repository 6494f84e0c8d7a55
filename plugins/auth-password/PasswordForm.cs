using System.Text.Json;
using System.Text.Json.Nodes;
using Satchel.Errors;
using Satchel.Models;

namespace Satchel.Plugins.AuthPassword;

/// <summary>The body of auth-with-password: identity, password and the optional identityField.</summary>
internal sealed class PasswordForm
{
    public const string LoadFailed = "An error occurred while loading the submitted data.";
    public const string ValidationFailed = "An error occurred while validating the submitted data.";

    public string Identity { get; private init; } = "";
    public string Password { get; private init; } = "";
    /// <summary>Empty: try every identity field of the collection.</summary>
    public string IdentityField { get; private init; } = "";

    /// <summary>Reads the values; a value of the wrong JSON type is a load error, like PocketBase's body binding.</summary>
    public static PasswordForm From(JsonObject body) => new()
    {
        Identity = Text(body, "identity"),
        Password = Text(body, "password"),
        IdentityField = Text(body, "identityField"),
    };

    public void Validate(Collection collection)
    {
        var errors = new ValidationErrors();
        RequiredText(errors, "identity", Identity);
        RequiredText(errors, "password", Password);
        if (IdentityField != "")
        {
            if (Runes(IdentityField) > 255) errors.Add("identityField", LengthError());
            else if (!(collection.Auth?.PasswordAuth.IdentityFields ?? new()).Contains(IdentityField))
                errors.Add("identityField", "validation_in_invalid", "Must be a valid value.");
        }
        errors.ThrowIfAny(ValidationFailed);
    }

    private static void RequiredText(ValidationErrors errors, string key, string value)
    {
        if (value == "") errors.Add(key, "validation_required", "Cannot be blank.");
        else if (Runes(value) > 255) errors.Add(key, LengthError());
    }

    private static ValidationError LengthError() => new("validation_length_out_of_range", "The length must be between 1 and 255.");

    private static int Runes(string s) => s.EnumerateRunes().Count();

    private static string Text(JsonObject body, string key) => body[key] switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw ApiException.BadRequest(LoadFailed),
    };
}
