using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Satchel.Errors;
using Satchel.Settings;

namespace Satchel.Tests.Settings;

public class SettingsStoreTests
{
    private const string Key = SettingsCipherTests.Key;

    private static (string Type, string Text) StoredValue(SettingsTestApp t) => t.App.Db.Read(c =>
    {
        var row = c.QuerySingle("SELECT typeof(value) AS type, value FROM _params WHERE id = 'settings'");
        var value = (object?)row.value;
        return ((string)row.type, value is byte[] b ? Encoding.UTF8.GetString(b) : (string)value!);
    });

    private static void StoreRaw(SettingsTestApp t, object value) => t.App.Db.Write((c, tx) =>
        c.Execute("UPDATE _params SET value = @value WHERE id = 'settings'", new { value }, tx));

    [Fact]
    public void Fixture_settings_load_from_the_plain_json_blob()
    {
        using var t = SettingsTestApp.FromFixture();
        Assert.Equal("acme_test", t.App.Settings.Meta.AppName);
        Assert.True(t.App.Settings.Batch.Enabled);
        Assert.Equal(5, t.App.Settings.Batch.Timeout);
        // Opening without a key leaves the stored value as it was.
        Assert.Equal("blob", StoredValue(t).Type);
    }

    [Fact]
    public void Fresh_install_stores_the_defaults()
    {
        using var t = SettingsTestApp.Empty();
        var (type, text) = StoredValue(t);
        Assert.Equal("blob", type);
        var json = JsonNode.Parse(text)!;
        Assert.Equal("Acme", (string?)json["meta"]!["appName"]);
        Assert.Equal(4, json["rateLimits"]!["rules"]!.AsArray().Count);
    }

    [Fact]
    public void Fresh_install_with_a_key_stores_the_defaults_encrypted()
    {
        using var t = SettingsTestApp.Empty(Key);
        var (type, text) = StoredValue(t);
        Assert.Equal("text", type);
        var json = JsonNode.Parse(SettingsCipher.Decrypt(text, Key))!;
        Assert.Equal("Acme", (string?)json["meta"]!["appName"]);
    }

    [Fact]
    public void Saved_settings_are_stored_encrypted_and_read_back()
    {
        using var t = SettingsTestApp.FromFixture(Key);
        var s = t.App.Settings;
        s.Meta.AppName = "encrypted_app";
        s.Smtp.Password = "pw";
        t.App.SaveSettings(s);

        var (type, text) = StoredValue(t);
        Assert.Equal("text", type);
        Assert.DoesNotContain("encrypted_app", text);
        Assert.Equal("pw", (string?)JsonNode.Parse(SettingsCipher.Decrypt(text, Key))!["smtp"]!["password"]);

        var reopened = t.Reopen(Key);
        Assert.Equal("encrypted_app", reopened.Settings.Meta.AppName);
        Assert.Equal("pw", reopened.Settings.Smtp.Password);
    }

    [Fact]
    public void Opens_a_value_encrypted_the_pocketbase_way()
    {
        using var t = SettingsTestApp.FromFixture();
        StoreRaw(t, SettingsCipherTests.KnownValue);
        var app = t.Reopen(Key);
        Assert.Equal("from_pocketbase", app.Settings.Meta.AppName);
        Assert.Equal("pb-pass", app.Settings.Smtp.Password);
        // Keys the stored value lacks keep their defaults.
        Assert.Equal("support@example.com", app.Settings.Meta.SenderAddress);
    }

    [Fact]
    public void A_plain_value_is_rewritten_encrypted_when_a_key_is_set()
    {
        using var t = SettingsTestApp.FromFixture();
        Assert.Equal("blob", StoredValue(t).Type);

        t.Reopen(Key);
        var (type, text) = StoredValue(t);
        Assert.Equal("text", type);
        Assert.Equal("acme_test", (string?)JsonNode.Parse(SettingsCipher.Decrypt(text, Key))!["meta"]!["appName"]);
        Assert.Equal("acme_test", t.App.Settings.Meta.AppName);
    }

    [Fact]
    public void A_wrong_key_stops_loading_with_a_clear_message()
    {
        using var t = SettingsTestApp.Empty(Key);
        var e = Assert.Throws<SettingsLoadException>(() => t.Reopen("ffffffffffffffffffffffffffffffff"));
        Assert.Contains("--encryptionEnv key is not the one", e.Message);
    }

    [Fact]
    public void Encrypted_settings_without_a_key_stop_loading_with_a_clear_message()
    {
        using var t = SettingsTestApp.Empty(Key);
        var e = Assert.Throws<SettingsLoadException>(() => t.Reopen(null));
        Assert.Contains("--encryptionEnv", e.Message);
    }

    [Fact]
    public void Damaged_plain_json_stops_loading_with_a_clear_message()
    {
        using var t = SettingsTestApp.FromFixture();
        StoreRaw(t, Encoding.UTF8.GetBytes("""{"meta": {"appName": 5}}"""));
        var e = Assert.Throws<SettingsLoadException>(() => t.Reopen(null));
        Assert.Contains("not valid", e.Message);
    }

    [Fact]
    public void Invalid_settings_are_not_saved()
    {
        using var t = SettingsTestApp.FromFixture();
        var s = t.App.Settings;
        s.Meta.AppName = "";
        var e = Assert.Throws<ApiException>(() => t.App.SaveSettings(s));
        Assert.Equal(400, e.Status);
        Assert.True(e.Data.ContainsKey("meta"));
        Assert.Equal("acme_test", t.App.Settings.Meta.AppName);
        Assert.Contains("acme_test", StoredValue(t).Text);
    }

    [Fact]
    public void A_rolled_back_save_changes_nothing()
    {
        using var t = SettingsTestApp.FromFixture();
        var s = t.App.Settings;
        s.Meta.AppName = "rolled_back";
        Assert.Throws<InvalidOperationException>(() => t.App.RunInTransaction(() =>
        {
            t.App.SaveSettings(s);
            throw new InvalidOperationException("abort");
        }));
        Assert.Equal("acme_test", t.App.Settings.Meta.AppName);
        Assert.Contains("acme_test", StoredValue(t).Text);
    }

    [Fact]
    public void Saving_fires_the_settings_reload_hook_with_the_new_state_live_after_next()
    {
        using var t = SettingsTestApp.FromFixture();
        string? before = null, after = null;
        t.App.Hooks.OnSettingsReload.Bind(e =>
        {
            before = e.App.Settings.Meta.AppName;
            e.Next();
            after = e.App.Settings.Meta.AppName;
        });
        var s = t.App.Settings;
        s.Meta.AppName = "reloaded";
        t.App.SaveSettings(s);
        Assert.Equal("acme_test", before);
        Assert.Equal("reloaded", after);
    }

    [Fact]
    public void The_snapshot_is_a_copy()
    {
        using var t = SettingsTestApp.FromFixture();
        t.App.Settings.Meta.AppName = "changed without saving";
        Assert.Equal("acme_test", t.App.Settings.Meta.AppName);
    }
}
