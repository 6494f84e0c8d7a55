using System.Text.Json.Nodes;

namespace Satchel.Auth;

/// <summary>The identity an OAuth2 provider returned after the code exchange.</summary>
public sealed class OAuth2User
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string Username { get; set; } = "";
    public string Email { get; set; } = "";
    public string AvatarURL { get; set; } = "";
    public string AccessToken { get; set; } = "";
    public string RefreshToken { get; set; } = "";
    public DateTime? Expiry { get; set; }
    /// <summary>The provider's raw user payload.</summary>
    public JsonObject RawUser { get; set; } = new();
}
