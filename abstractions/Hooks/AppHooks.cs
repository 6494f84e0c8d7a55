using System.Reflection;

namespace Satchel.Hooks;

/// <summary>
/// Every hook of the app, one property per PocketBase event, named as PocketBase names it.
/// Split over partial files by event family (app, settings, mailer, realtime, model, record,
/// record request, collection, file, batch).
/// </summary>
public sealed partial class AppHooks
{
    private Dictionary<string, IHook>? _byName;

    /// <summary>
    /// Every hook by name, case-insensitively (so both "OnRecordCreate" and the JS spelling
    /// "onRecordCreate" find it).
    /// </summary>
    public IReadOnlyDictionary<string, IHook> All => _byName ??= typeof(AppHooks)
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => typeof(IHook).IsAssignableFrom(p.PropertyType))
        .ToDictionary(p => p.Name, p => (IHook)p.GetValue(this)!, StringComparer.OrdinalIgnoreCase);

    /// <summary>The hook with this name, or null.</summary>
    public IHook? Find(string name) => All.TryGetValue(name, out var hook) ? hook : null;
}
