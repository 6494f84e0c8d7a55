using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Models;

namespace Satchel.Auth;

/// <summary>
/// One section of <c>GET /api/collections/{collection}/auth-methods</c> ("password", "oauth2",
/// "mfa", "otp"), contributed by the plugin that implements the method. Register implementations
/// in the container; a section nobody contributes is answered as disabled with empty data.
/// </summary>
public interface IAuthMethodsContributor
{
    /// <summary>The section's key in the response.</summary>
    string Section { get; }

    /// <summary>The section for an auth collection (with "enabled" false when the collection has the method off).</summary>
    JsonObject Describe(HttpContext http, Collection collection);
}
