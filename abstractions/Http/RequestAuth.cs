using Microsoft.AspNetCore.Http;
using Satchel.Errors;
using Satchel.Models;

namespace Satchel.Http;

/// <summary>The auth state the host loads from the Authorization header of every request.</summary>
public static class RequestAuth
{
    private const string Key = "satchel.auth";

    /// <summary>The authenticated record (superuser or other auth record), or null for a guest.</summary>
    public static Record? GetAuth(this HttpContext http) => http.Items.TryGetValue(Key, out var v) ? v as Record : null;

    public static void SetAuth(this HttpContext http, Record? record) => http.Items[Key] = record;

    public static bool IsSuperuser(this HttpContext http) => http.GetAuth()?.Collection.IsSuperusers == true;

    /// <summary>401 for a guest, 403 for a non-superuser.</summary>
    public static void RequireSuperuser(this HttpContext http)
    {
        var auth = http.GetAuth();
        if (auth == null) throw ApiException.Unauthorized();
        if (!auth.Collection.IsSuperusers) throw ApiException.Forbidden("The authorized record is not allowed to perform this action.");
    }

    /// <summary>401 for a guest.</summary>
    public static Record RequireAuth(this HttpContext http)
        => http.GetAuth() ?? throw ApiException.Unauthorized();
}
