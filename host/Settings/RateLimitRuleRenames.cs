using Satchel.Hooks;

namespace Satchel.Settings;

/// <summary>
/// Keeps rate limit rules pointing at a renamed collection: after a collection update that
/// changed the name, labels "old:action" become "new:action" (saved in the same transaction).
/// </summary>
public static class RateLimitRuleRenames
{
    public const string HookId = "__satchelSettingsRateLimitRenames__";

    public static void Bind(IApp app)
    {
        app.Hooks.OnCollectionUpdate.Bind(e =>
        {
            var oldName = e.App.FindCollectionByNameOrId(e.Collection.Id)?.Name;
            e.Next();
            if (oldName == null || oldName == e.Collection.Name) return;

            var settings = e.App.Settings;
            var changed = false;
            foreach (var rule in settings.RateLimits.Rules.Where(r => r.Label.StartsWith(oldName + ":", StringComparison.Ordinal)))
            {
                rule.Label = e.Collection.Name + rule.Label[oldName.Length..];
                changed = true;
            }
            if (changed) e.App.SaveSettings(settings);
        }, priority: 99, id: HookId);
    }
}
