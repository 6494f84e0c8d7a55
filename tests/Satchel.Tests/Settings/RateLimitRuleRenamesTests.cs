using Satchel.Hooks;
using Satchel.Settings;

namespace Satchel.Tests.Settings;

public class RateLimitRuleRenamesTests
{
    [Fact]
    public void Renaming_a_collection_renames_its_rate_limit_labels()
    {
        using var t = SettingsTestApp.FromFixture();
        var s = t.App.Settings;
        s.RateLimits.Rules.Add(new RateLimitRule { Label = "demo1:create", Duration = 1, MaxRequests = 1 });
        s.RateLimits.Rules.Add(new RateLimitRule { Label = "demo10:create", Duration = 1, MaxRequests = 1 });
        t.App.SaveSettings(s);

        var renamed = t.App.FindCollectionByNameOrId("demo1")!.Clone();
        renamed.Name = "articles";
        t.App.Hooks.OnCollectionUpdate.Trigger(new CollectionEvent(t.App, renamed, ModelEventType.Update), _ => { });

        var labels = t.App.Settings.RateLimits.Rules.Select(r => r.Label).ToList();
        Assert.Contains("articles:create", labels);
        Assert.Contains("demo10:create", labels);
        Assert.DoesNotContain("demo1:create", labels);
    }

    [Fact]
    public void An_update_without_a_rename_leaves_the_settings_alone()
    {
        using var t = SettingsTestApp.FromFixture();
        var reloads = 0;
        t.App.Hooks.OnSettingsReload.Bind(e => { reloads++; e.Next(); });
        var same = t.App.FindCollectionByNameOrId("demo1")!.Clone();
        t.App.Hooks.OnCollectionUpdate.Trigger(new CollectionEvent(t.App, same, ModelEventType.Update), _ => { });
        Assert.Equal(0, reloads);
    }
}
