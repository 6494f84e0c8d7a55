using System.Text;
using System.Text.Json.Nodes;
using Satchel.Settings;

namespace Satchel.Tests.Settings;

public class SettingsMaskingTests
{
    private static AppSettings WithSecrets()
    {
        var s = new AppSettings();
        s.Smtp.Password = "smtp-pass";
        s.S3.Secret = "storage-secret";
        s.Backups.S3.Secret = "backups-secret";
        return s;
    }

    [Fact]
    public void Api_json_leaves_out_every_secret()
    {
        var json = SettingsJson.ToPublic(WithSecrets());
        var text = json.ToJsonString();
        Assert.DoesNotContain("smtp-pass", text);
        Assert.DoesNotContain("storage-secret", text);
        Assert.DoesNotContain("backups-secret", text);
        Assert.False(json["smtp"]!.AsObject().ContainsKey("password"));
        Assert.False(json["s3"]!.AsObject().ContainsKey("secret"));
        Assert.False(json["backups"]!["s3"]!.AsObject().ContainsKey("secret"));
        // Everything else is there.
        Assert.Equal("smtp.example.com", (string?)json["smtp"]!["host"]);
    }

    [Fact]
    public void Api_json_has_pocketbase_sections_in_its_order()
    {
        var keys = SettingsJson.ToPublic(new AppSettings()).Select(p => p.Key).ToArray();
        Assert.Equal(new[] { "superuserIPs", "smtp", "backups", "s3", "meta", "rateLimits", "trustedProxy", "batch", "logs" }, keys);
    }

    [Fact]
    public void Stored_json_keeps_secrets_but_omits_an_unset_s3_secret()
    {
        var stored = JsonNode.Parse(SettingsJson.ToStorage(WithSecrets()))!;
        Assert.Equal("smtp-pass", (string?)stored["smtp"]!["password"]);
        Assert.Equal("storage-secret", (string?)stored["s3"]!["secret"]);

        var fresh = JsonNode.Parse(SettingsJson.ToStorage(new AppSettings()))!;
        Assert.False(fresh["s3"]!.AsObject().ContainsKey("secret"));
        Assert.False(fresh["backups"]!["s3"]!.AsObject().ContainsKey("secret"));
        Assert.Equal("", (string?)fresh["smtp"]!["password"]);
    }

    [Fact]
    public void Defaults_are_pocketbase_fresh_install_values()
    {
        var json = JsonNode.Parse(Encoding.UTF8.GetString(SettingsJson.ToStorage(new AppSettings())))!;
        Assert.False((bool)json["batch"]!["enabled"]!);
        Assert.Equal(50, (int)json["batch"]!["maxRequests"]!);
        Assert.Equal(3, (int)json["batch"]!["timeout"]!);
        Assert.Equal(5, (int)json["logs"]!["maxDays"]!);
        Assert.True((bool)json["logs"]!["logIP"]!);
        Assert.Equal(3, (int)json["backups"]!["cronMaxKeep"]!);
        Assert.Equal("#1055c9", (string?)json["meta"]!["accentColor"]);
        Assert.Equal(587, (int)json["smtp"]!["port"]!);
        var rules = json["rateLimits"]!["rules"]!.AsArray();
        Assert.Equal(new[] { "*:auth", "*:create", "/api/batch", "/api/" }, rules.Select(r => (string?)r!["label"]).ToArray());
        Assert.Equal(300, (int)rules[3]!["maxRequests"]!);
        Assert.False((bool)json["rateLimits"]!["enabled"]!);
    }
}
