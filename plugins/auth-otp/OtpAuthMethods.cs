using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Models;

namespace Satchel.Plugins.AuthOtp;

/// <summary>The "otp" section of auth-methods: whether OTP sign-in is on and how long a code is valid.</summary>
public sealed class OtpAuthMethods : IAuthMethodsContributor
{
    public string Section => "otp";

    public JsonObject Describe(HttpContext http, Collection collection)
    {
        var otp = collection.Auth?.Otp;
        var enabled = otp?.Enabled == true;
        return new JsonObject { ["enabled"] = enabled, ["duration"] = enabled ? otp!.Duration : 0 };
    }
}
