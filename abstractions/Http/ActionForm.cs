using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Errors;

namespace Satchel.Http;

/// <summary>
/// Reads the small JSON (or form) bodies of action endpoints (auth actions, OTP, …). A body that can't be read,
/// or a value of the wrong JSON type, is PocketBase's load error; the field checks come after.
/// </summary>
public static class ActionForm
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

    /// <summary>The string value of <paramref name="key"/>; "" when absent or null.</summary>
    public static string Text(JsonObject body, string key) => body[key] switch
    {
        null => "",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => throw ApiException.BadRequest(LoadFailed),
    };
}
