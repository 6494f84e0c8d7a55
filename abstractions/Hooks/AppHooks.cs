namespace Satchel.Hooks;

/// <summary>
/// Every hook of the app, one property per PocketBase event. Split over partial files by
/// event family (app, model, record, collection, request, mailer, realtime…).
/// </summary>
public sealed partial class AppHooks
{
}
