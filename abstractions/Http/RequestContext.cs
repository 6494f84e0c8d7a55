using Microsoft.AspNetCore.Http;

namespace Satchel.Http;

/// <summary>
/// What the request is doing, as API rules see it in <c>@request.context</c> (PocketBase's names).
/// Endpoints set it when it isn't "default", e.g. a password sign-in sets "password".
/// </summary>
public static class RequestContext
{
    public const string Default = "default";
    public const string Expand = "expand";
    public const string Realtime = "realtime";
    public const string ProtectedFile = "protectedFile";
    public const string Batch = "batch";
    public const string OAuth2 = "oauth2";
    public const string Otp = "otp";
    public const string PasswordAuth = "password";

    private const string Key = "satchel.requestContext";

    public static string GetRequestContext(this HttpContext http)
        => http.Items.TryGetValue(Key, out var v) && v is string s ? s : Default;

    public static void SetRequestContext(this HttpContext http, string context) => http.Items[Key] = context;
}
