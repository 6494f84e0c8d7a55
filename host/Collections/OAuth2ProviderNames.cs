namespace Satchel.Collections;

/// <summary>
/// The OAuth2 provider names an auth collection may configure. Starts with PocketBase's built-in
/// providers; a plugin adding a provider registers its name here.
/// </summary>
public static class OAuth2ProviderNames
{
    private static readonly HashSet<string> Names = new(StringComparer.Ordinal)
    {
        "apple", "bitbucket", "box", "discord", "facebook", "gitea", "gitee", "github", "gitlab", "google",
        "instagram2", "kakao", "lark", "linear", "livechat", "mailcow", "microsoft", "monday", "notion",
        "oidc", "oidc2", "oidc3", "patreon", "planningcenter", "spotify", "strava", "trakt", "twitch",
        "twitter", "vk", "wakatime", "yandex",
    };

    public static bool IsKnown(string name) { lock (Names) return Names.Contains(name); }

    public static void Register(string name) { lock (Names) Names.Add(name); }
}
