using Microsoft.AspNetCore.Http;
using Satchel.Settings;

namespace Satchel.Hooks;

/// <summary>The app's settings are being replaced with a new state; after Next, App.Settings returns it.</summary>
public class SettingsReloadEvent(IApp app) : HookEvent
{
    public IApp App { get; set; } = app;
}

/// <summary>A request for the settings; <see cref="Settings"/> is the copy about to be answered.</summary>
public class SettingsListRequestEvent(IApp app, HttpContext http, AppSettings settings) : RequestEvent(app, http)
{
    public AppSettings Settings { get; set; } = settings;
}

/// <summary>A settings update; <see cref="NewSettings"/> holds the submitted changes applied to a copy of the old ones.</summary>
public class SettingsUpdateRequestEvent(IApp app, HttpContext http, AppSettings oldSettings, AppSettings newSettings)
    : RequestEvent(app, http)
{
    public AppSettings OldSettings { get; set; } = oldSettings;
    public AppSettings NewSettings { get; set; } = newSettings;
}
