namespace Satchel.Hooks;

public sealed partial class AppHooks
{
    /// <summary>Fires whenever the app's settings are replaced (loaded or saved); after Next the new state is live.</summary>
    public Hook<SettingsReloadEvent> OnSettingsReload { get; } = new();

    /// <summary>Fires on GET /api/settings, before the settings are answered.</summary>
    public Hook<SettingsListRequestEvent> OnSettingsListRequest { get; } = new();

    /// <summary>Fires on PATCH /api/settings, before the new settings are validated and saved.</summary>
    public Hook<SettingsUpdateRequestEvent> OnSettingsUpdateRequest { get; } = new();
}
