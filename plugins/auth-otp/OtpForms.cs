using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Errors;
using Satchel.Http;
using Satchel.Models.Fields;

namespace Satchel.Plugins.AuthOtp;

/// <summary>Reads and checks the bodies of request-otp and auth-with-otp, with PocketBase's errors.</summary>
internal static class OtpForms
{
    public const string LoadFailed = "An error occurred while loading the submitted data.";
    public const string ValidationFailed = "An error occurred while validating the submitted data.";

    public static async Task<JsonObject> ReadAsync(HttpContext http)
    {
        try { return await http.ReadBodyAsync(); }
        catch (ApiException e) when (e.Status == StatusCodes.Status400BadRequest)
        {
            throw ApiException.BadRequest(LoadFailed);
        }
    }

    /// <summary>The string value of <paramref name="key"/> ("" when absent); another JSON type is a load error.</summary>
    public static string Text(JsonObject body, string key) => body[key] switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw ApiException.BadRequest(LoadFailed),
    };

    /// <summary>request-otp: a required email address of at most 255 characters.</summary>
    public static void CheckEmail(string email)
    {
        var errors = new ValidationErrors();
        if (email == "") errors.Add("email", Required());
        else if (Runes(email) > 255) errors.Add("email", Length(1, 255));
        else if (!AddressRules.IsEmail(email)) errors.Add("email", "validation_is_email", "Must be a valid email address.");
        errors.ThrowIfAny(ValidationFailed);
    }

    /// <summary>auth-with-otp: the otpId (≤ 255 characters) and the code (≤ 71, bcrypt's limit).</summary>
    public static void CheckSignIn(string otpId, string password)
    {
        var errors = new ValidationErrors();
        if (otpId == "") errors.Add("otpId", Required());
        else if (Runes(otpId) > 255) errors.Add("otpId", Length(1, 255));
        if (password == "") errors.Add("password", Required());
        else if (Runes(password) > 71) errors.Add("password", Length(1, 71));
        errors.ThrowIfAny(ValidationFailed);
    }

    private static ValidationError Required() => new("validation_required", "Cannot be blank.");

    private static ValidationError Length(int min, int max) => new("validation_length_out_of_range", $"The length must be between {min} and {max}.");

    private static int Runes(string value) => value.EnumerateRunes().Count();
}
