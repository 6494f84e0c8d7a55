using System.Text.Json;
using System.Text.Json.Nodes;
using Satchel.Settings;

namespace Satchel.Tests.Settings;

public class SettingsPatchTests
{
    private static AppSettings Current()
    {
        var s = new AppSettings();
        s.Meta.AppName = "before";
        s.Smtp.Password = "smtp-pass";
        s.S3.Secret = "storage-secret";
        s.Backups.S3.Secret = "backups-secret";
        s.SuperuserIPs = new() { "127.0.0.1" };
        return s;
    }

    private static AppSettings Patch(AppSettings current, string json) => SettingsJson.ApplyPatch(current, JsonNode.Parse(json)!.AsObject());

    [Fact]
    public void Submitted_keys_merge_into_the_current_settings()
    {
        var updated = Patch(Current(), """{"meta":{"appName":"after"},"smtp":{"enabled":true}}""");
        Assert.Equal("after", updated.Meta.AppName);
        Assert.True(updated.Smtp.Enabled);
        // Untouched values of the same sections stay.
        Assert.Equal("support@example.com", updated.Meta.SenderAddress);
        Assert.Equal("smtp.example.com", updated.Smtp.Host);
        Assert.Equal(new[] { "127.0.0.1" }, updated.SuperuserIPs);
    }

    [Fact]
    public void Secrets_left_out_or_masked_keep_the_stored_ones()
    {
        // What a client sends back after reading the (masked) settings.
        var roundTrip = SettingsJson.ToPublic(Current()).ToJsonString();
        var updated = Patch(Current(), roundTrip);
        Assert.Equal("smtp-pass", updated.Smtp.Password);
        Assert.Equal("storage-secret", updated.S3.Secret);
        Assert.Equal("backups-secret", updated.Backups.S3.Secret);

        updated = Patch(Current(), """{"smtp":{"password":"******"},"s3":{"secret":"******"},"backups":{"s3":{"secret":"***"}}}""");
        Assert.Equal("smtp-pass", updated.Smtp.Password);
        Assert.Equal("storage-secret", updated.S3.Secret);
        Assert.Equal("backups-secret", updated.Backups.S3.Secret);
    }

    [Fact]
    public void A_new_secret_replaces_the_stored_one_and_an_empty_one_clears_it()
    {
        var updated = Patch(Current(), """{"smtp":{"password":"new-pass"},"s3":{"secret":""}}""");
        Assert.Equal("new-pass", updated.Smtp.Password);
        Assert.Equal("", updated.S3.Secret);
        Assert.Equal("backups-secret", updated.Backups.S3.Secret);
    }

    [Fact]
    public void Keys_match_case_insensitively()
    {
        var updated = Patch(Current(), """{"meta":{"appUrl":"https://example.com"}}""");
        Assert.Equal("https://example.com", updated.Meta.AppURL);
    }

    [Fact]
    public void Lists_are_replaced_and_null_keeps_values()
    {
        var updated = Patch(Current(), """{"rateLimits":{"rules":[{"label":"x","duration":1,"maxRequests":2}]},"meta":null,"superuserIPs":null}""");
        var rule = Assert.Single(updated.RateLimits.Rules);
        Assert.Equal("x", rule.Label);
        Assert.Equal("before", updated.Meta.AppName);
        Assert.Empty(updated.SuperuserIPs);
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_rejected()
    {
        Assert.ThrowsAny<JsonException>(() => Patch(Current(), """{"meta":{"appName":5}}"""));
        Assert.ThrowsAny<JsonException>(() => Patch(Current(), """{"smtp":{"port":"x"}}"""));
    }

    [Fact]
    public void The_current_settings_are_not_modified()
    {
        var current = Current();
        Patch(current, """{"meta":{"appName":"after"},"rateLimits":{"rules":[]}}""");
        Assert.Equal("before", current.Meta.AppName);
        Assert.Equal(4, current.RateLimits.Rules.Count);
    }
}
