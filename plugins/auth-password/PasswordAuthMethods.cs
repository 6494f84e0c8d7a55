using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Models;

namespace Satchel.Plugins.AuthPassword;

/// <summary>The "password" section of auth-methods: the identity fields, or none when password auth is off.</summary>
public sealed class PasswordAuthMethods : IAuthMethodsContributor
{
    public string Section => "password";

    public JsonObject Describe(HttpContext http, Collection collection)
    {
        var options = collection.Auth?.PasswordAuth;
        var enabled = options?.Enabled == true;
        var fields = new JsonArray();
        if (enabled)
            foreach (var name in options!.IdentityFields) fields.Add(name);
        return new JsonObject { ["identityFields"] = fields, ["enabled"] = enabled };
    }
}
