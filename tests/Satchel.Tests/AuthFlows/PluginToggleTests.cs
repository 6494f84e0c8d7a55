using Satchel.Tests.Auth;

namespace Satchel.Tests.AuthFlows;

/// <summary>A capability disappears with its plugin: its routes answer 404 and auth-methods shows it off.</summary>
public sealed class PluginToggleTests
{
    private static readonly string[] PasswordActions =
    {
        "request-verification", "confirm-verification", "request-password-reset", "confirm-password-reset",
        "request-email-change", "confirm-email-change", "auth-with-password",
    };

    private static readonly string[] OtpActions = { "request-otp", "auth-with-otp" };

    private static async Task AssertNotFound(FlowServer s, string action)
    {
        var answer = await s.PostAsync($"/api/collections/users/{action}", new { email = "test@example.com" });
        Assert.True(answer.Status == 404, $"{action}: {answer}");
        Assert.Equal("The requested resource wasn't found.", answer.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Without_auth_otp_its_routes_are_gone_and_otp_is_off()
    {
        await using var s = await FlowServer.StartAsync(FlowServer.Plugins(otp: false));
        await s.PatchCollectionAsync("users", new { otp = new { enabled = true } });

        foreach (var action in OtpActions) await AssertNotFound(s, action);
        var methods = await s.SendAsync(HttpMethod.Get, "/api/collections/users/auth-methods");
        Assert.False(methods.Json["otp"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(0, methods.Json["otp"]!["duration"]!.GetValue<long>());
        // The password actions are still there.
        Assert.Equal(204, (await s.PostAsync("/api/collections/users/request-verification", new { email = "nobody@example.com" })).Status);
    }

    [Fact]
    public async Task Without_auth_password_its_routes_are_gone_and_password_is_off()
    {
        await using var s = await FlowServer.StartAsync(FlowServer.Plugins(password: false));
        await s.PatchCollectionAsync("users", new { otp = new { enabled = true } });

        foreach (var action in PasswordActions) await AssertNotFound(s, action);
        var methods = await s.SendAsync(HttpMethod.Get, "/api/collections/users/auth-methods");
        Assert.False(methods.Json["password"]!["enabled"]!.GetValue<bool>());
        Assert.True(methods.Json["otp"]!["enabled"]!.GetValue<bool>());
        Assert.Equal(200, (await s.PostAsync("/api/collections/users/request-otp", new { email = "nobody@example.com" })).Status);
    }
}
