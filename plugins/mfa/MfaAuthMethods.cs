using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Models;

namespace Satchel.Plugins.Mfa;

/// <summary>The "mfa" section of auth-methods: whether MFA is on and how long an MFA session lasts.</summary>
public sealed class MfaAuthMethods : IAuthMethodsContributor
{
    public string Section => "mfa";

    public JsonObject Describe(HttpContext http, Collection collection)
    {
        var mfa = collection.Auth?.Mfa;
        var enabled = mfa?.Enabled == true;
        return new JsonObject { ["enabled"] = enabled, ["duration"] = enabled ? mfa!.Duration : 0 };
    }
}
