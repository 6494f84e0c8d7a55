using System.Text.Json.Serialization;

namespace Satchel.Models;

/// <summary>The options of an auth collection, with PocketBase's JSON names.</summary>
public sealed class AuthOptions
{
    [JsonPropertyName("authRule")] public string? AuthRule { get; set; } = "";
    [JsonPropertyName("manageRule")] public string? ManageRule { get; set; }
    [JsonPropertyName("authAlert")] public AuthAlertOptions AuthAlert { get; set; } = new();
    [JsonPropertyName("oauth2")] public OAuth2Options OAuth2 { get; set; } = new();
    [JsonPropertyName("passwordAuth")] public PasswordAuthOptions PasswordAuth { get; set; } = new();
    [JsonPropertyName("mfa")] public MfaOptions Mfa { get; set; } = new();
    [JsonPropertyName("otp")] public OtpOptions Otp { get; set; } = new();
    [JsonPropertyName("authToken")] public TokenOptions AuthToken { get; set; } = new() { Duration = 604800 };
    [JsonPropertyName("passwordResetToken")] public TokenOptions PasswordResetToken { get; set; } = new() { Duration = 1800 };
    [JsonPropertyName("emailChangeToken")] public TokenOptions EmailChangeToken { get; set; } = new() { Duration = 1800 };
    [JsonPropertyName("verificationToken")] public TokenOptions VerificationToken { get; set; } = new() { Duration = 259200 };
    [JsonPropertyName("fileToken")] public TokenOptions FileToken { get; set; } = new() { Duration = 180 };
    [JsonPropertyName("verificationTemplate")] public EmailTemplate VerificationTemplate { get; set; } = new();
    [JsonPropertyName("resetPasswordTemplate")] public EmailTemplate ResetPasswordTemplate { get; set; } = new();
    [JsonPropertyName("confirmEmailChangeTemplate")] public EmailTemplate ConfirmEmailChangeTemplate { get; set; } = new();
}

public sealed class TokenOptions
{
    [JsonPropertyName("secret")] public string Secret { get; set; } = "";
    /// <summary>Seconds.</summary>
    [JsonPropertyName("duration")] public long Duration { get; set; }
}

public sealed class EmailTemplate
{
    [JsonPropertyName("subject")] public string Subject { get; set; } = "";
    [JsonPropertyName("body")] public string Body { get; set; } = "";
}

public sealed class AuthAlertOptions
{
    [JsonPropertyName("enabled")] public bool Enabled { get; set; } = true;
    [JsonPropertyName("emailTemplate")] public EmailTemplate EmailTemplate { get; set; } = new();
}

public sealed class PasswordAuthOptions
{
    [JsonPropertyName("enabled")] public bool Enabled { get; set; } = true;
    [JsonPropertyName("identityFields")] public List<string> IdentityFields { get; set; } = new() { "email" };
}

public sealed class MfaOptions
{
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("duration")] public long Duration { get; set; } = 1800;
    [JsonPropertyName("rule")] public string Rule { get; set; } = "";
}

public sealed class OtpOptions
{
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("duration")] public long Duration { get; set; } = 180;
    [JsonPropertyName("length")] public int Length { get; set; } = 8;
    [JsonPropertyName("emailTemplate")] public EmailTemplate EmailTemplate { get; set; } = new();
}

public sealed class OAuth2Options
{
    [JsonPropertyName("providers")] public List<OAuth2ProviderConfig>? Providers { get; set; } = new();
    [JsonPropertyName("mappedFields")] public OAuth2MappedFields MappedFields { get; set; } = new();
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
}

public sealed class OAuth2MappedFields
{
    [JsonPropertyName("id")] public string Id { get; set; } = "";
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("username")] public string Username { get; set; } = "";
    [JsonPropertyName("avatarURL")] public string AvatarURL { get; set; } = "";
}

public sealed class OAuth2ProviderConfig
{
    [JsonPropertyName("pkce")] public bool? Pkce { get; set; }
    [JsonPropertyName("name")] public string Name { get; set; } = "";
    [JsonPropertyName("clientId")] public string ClientId { get; set; } = "";
    [JsonPropertyName("clientSecret")] public string ClientSecret { get; set; } = "";
    [JsonPropertyName("authURL")] public string AuthURL { get; set; } = "";
    [JsonPropertyName("tokenURL")] public string TokenURL { get; set; } = "";
    [JsonPropertyName("userInfoURL")] public string UserInfoURL { get; set; } = "";
    [JsonPropertyName("displayName")] public string DisplayName { get; set; } = "";
    [JsonPropertyName("extra")] public Dictionary<string, object?>? Extra { get; set; }
}
