using Satchel.Errors;
using Satchel.Settings;

namespace Satchel.Tests.Settings;

public class SettingsValidatorTests
{
    /// <summary>The error code at a dotted path of the nested error data, or null.</summary>
    private static string? CodeAt(ValidationErrors errors, string path)
    {
        object? node = errors.ToData();
        foreach (var part in path.Split('.'))
        {
            if (node is not IDictionary<string, object> map || !map.TryGetValue(part, out node)) return null;
        }
        return node is IDictionary<string, object> leaf && leaf.TryGetValue("code", out var code) ? code as string : null;
    }

    private static ValidationErrors Validate(Action<AppSettings> change)
    {
        var s = new AppSettings();
        change(s);
        return SettingsValidator.Validate(s);
    }

    [Fact]
    public void Fresh_install_defaults_are_valid()
    {
        Assert.True(SettingsValidator.Validate(new AppSettings()).IsEmpty);
    }

    [Fact]
    public void Meta_rules()
    {
        var e = Validate(s =>
        {
            s.Meta.AppName = "";
            s.Meta.AppURL = "not a url";
            s.Meta.SenderName = new string('x', 256);
            s.Meta.SenderAddress = "nope";
            s.Meta.AccentColor = "#12";
        });
        Assert.Equal("validation_required", CodeAt(e, "meta.appName"));
        Assert.Equal("validation_is_url", CodeAt(e, "meta.appURL"));
        Assert.Equal("validation_length_out_of_range", CodeAt(e, "meta.senderName"));
        Assert.Equal("validation_is_email", CodeAt(e, "meta.senderAddress"));
        Assert.Equal("validation_length_invalid", CodeAt(e, "meta.accentColor"));

        e = Validate(s => { s.Meta.AppURL = ""; s.Meta.SenderAddress = ""; s.Meta.AccentColor = "#zzzzzz"; });
        Assert.Equal("validation_required", CodeAt(e, "meta.appURL"));
        Assert.Equal("validation_required", CodeAt(e, "meta.senderAddress"));
        Assert.Equal("validation_is_hex_color", CodeAt(e, "meta.accentColor"));
    }

    [Fact]
    public void Meta_error_message_uses_pocketbase_wording()
    {
        var data = Validate(s => s.Meta.AppName = "").ToData();
        var meta = Assert.IsAssignableFrom<IDictionary<string, object>>(data["meta"]);
        var appName = Assert.IsAssignableFrom<IDictionary<string, object>>(meta["appName"]);
        Assert.Equal("Cannot be blank.", appName["message"]);
    }

    [Fact]
    public void Smtp_host_and_port_are_required_only_when_enabled()
    {
        Assert.True(Validate(s => { s.Smtp.Host = ""; s.Smtp.Port = 0; }).IsEmpty);

        var e = Validate(s => { s.Smtp.Enabled = true; s.Smtp.Host = ""; s.Smtp.Port = 0; s.Smtp.AuthMethod = "CRAM"; s.Smtp.LocalName = "bad host!"; });
        Assert.Equal("validation_required", CodeAt(e, "smtp.host"));
        Assert.Equal("validation_required", CodeAt(e, "smtp.port"));
        Assert.Equal("validation_in_invalid", CodeAt(e, "smtp.authMethod"));
        Assert.Equal("validation_is_host", CodeAt(e, "smtp.localName"));

        e = Validate(s => { s.Smtp.Host = "-bad-"; s.Smtp.Port = -1; });
        Assert.Equal("validation_is_host", CodeAt(e, "smtp.host"));
        Assert.Equal("validation_min_greater_equal_than_required", CodeAt(e, "smtp.port"));

        Assert.True(Validate(s => { s.Smtp.Enabled = true; s.Smtp.Host = "10.0.0.1"; s.Smtp.AuthMethod = "LOGIN"; }).IsEmpty);
    }

    [Fact]
    public void S3_fields_are_required_when_enabled_for_storage_and_backups()
    {
        var e = Validate(s => { s.S3.Enabled = true; s.Backups.S3.Enabled = true; s.Backups.S3.Endpoint = "::nope::"; });
        foreach (var key in new[] { "bucket", "region", "endpoint", "accessKey", "secret" })
            Assert.Equal("validation_required", CodeAt(e, "s3." + key));
        Assert.Equal("validation_is_url", CodeAt(e, "backups.s3.endpoint"));
        Assert.Equal("validation_required", CodeAt(e, "backups.s3.secret"));

        Assert.True(Validate(s =>
        {
            s.S3 = new S3Settings { Enabled = true, Bucket = "b", Region = "r", Endpoint = "https://s3.example.com", AccessKey = "k", Secret = "x" };
        }).IsEmpty);
    }

    [Fact]
    public void Backups_cron_must_parse_and_needs_a_max_keep()
    {
        var e = Validate(s => { s.Backups.Cron = "* * *"; s.Backups.CronMaxKeep = 0; });
        Assert.Equal("validation_invalid_cron", CodeAt(e, "backups.cron"));
        Assert.Equal("validation_required", CodeAt(e, "backups.cronMaxKeep"));

        Assert.Equal("validation_min_greater_equal_than_required", CodeAt(Validate(s => s.Backups.CronMaxKeep = -2), "backups.cronMaxKeep"));
        Assert.True(Validate(s => { s.Backups.Cron = "0 0 * * *"; s.Backups.CronMaxKeep = 3; }).IsEmpty);
        Assert.True(Validate(s => { s.Backups.Cron = ""; s.Backups.CronMaxKeep = 0; }).IsEmpty);
    }

    [Fact]
    public void Batch_limits_when_enabled()
    {
        var e = Validate(s => { s.Batch.Enabled = true; s.Batch.MaxRequests = 0; s.Batch.Timeout = 0; s.Batch.MaxBodySize = -1; });
        Assert.Equal("validation_required", CodeAt(e, "batch.maxRequests"));
        Assert.Equal("validation_required", CodeAt(e, "batch.timeout"));
        Assert.Equal("validation_min_greater_equal_than_required", CodeAt(e, "batch.maxBodySize"));

        e = Validate(s => { s.Batch.MaxRequests = -5; s.Batch.Timeout = -1; });
        Assert.Equal("validation_min_greater_equal_than_required", CodeAt(e, "batch.maxRequests"));
        Assert.Equal("validation_min_greater_equal_than_required", CodeAt(e, "batch.timeout"));
        Assert.True(Validate(s => { s.Batch.Enabled = false; s.Batch.MaxRequests = 0; s.Batch.Timeout = 0; }).IsEmpty);
    }

    [Fact]
    public void Rate_limit_rules_are_checked_one_by_one()
    {
        var e = Validate(s => s.RateLimits.Rules = new()
        {
            new() { Label = "bad label!", Duration = 0, MaxRequests = -1, Audience = "@everyone" },
            new() { Label = "users:create", Duration = 1, MaxRequests = 1 },
        });
        Assert.Equal("validation_match_invalid", CodeAt(e, "rateLimits.rules.0.label"));
        Assert.Equal("validation_required", CodeAt(e, "rateLimits.rules.0.duration"));
        Assert.Equal("validation_min_greater_equal_than_required", CodeAt(e, "rateLimits.rules.0.maxRequests"));
        Assert.Equal("validation_in_invalid", CodeAt(e, "rateLimits.rules.0.audience"));
        Assert.Null(CodeAt(e, "rateLimits.rules.1.label"));
    }

    [Theory]
    [InlineData("test_a")]
    [InlineData("users:create")]
    [InlineData("*:auth")]
    [InlineData("/")]
    [InlineData("/api/collections/")]
    [InlineData("POST /api/collections/")]
    public void Accepted_rate_limit_labels(string label)
    {
        Assert.True(Validate(s => s.RateLimits.Rules = new() { new() { Label = label, Duration = 1, MaxRequests = 1 } }).IsEmpty);
    }

    [Fact]
    public void Conflicting_rate_limit_labels_report_the_later_rule()
    {
        var e = Validate(s => s.RateLimits.Rules = new()
        {
            new() { Label = "/api/", Duration = 1, MaxRequests = 1 },
            new() { Label = "users:auth", Duration = 1, MaxRequests = 1 },
            new() { Label = "/api/", Duration = 2, MaxRequests = 2 },
        });
        Assert.Equal("validation_conflicting_rate_limit_rule", CodeAt(e, "rateLimits.rules.2.label"));

        // The same label for another audience is a different rule.
        Assert.True(Validate(s => s.RateLimits.Rules = new()
        {
            new() { Label = "/api/", Duration = 1, MaxRequests = 1, Audience = "@guest" },
            new() { Label = "/api/", Duration = 1, MaxRequests = 1, Audience = "@auth" },
        }).IsEmpty);
    }

    [Fact]
    public void Enabled_rate_limiter_needs_rules_and_excluded_ips_must_be_ips()
    {
        var e = Validate(s => { s.RateLimits.Enabled = true; s.RateLimits.Rules = new(); s.RateLimits.ExcludedIPs = new() { "1.2.3.4", "nope" }; });
        Assert.Equal("validation_required", CodeAt(e, "rateLimits.rules"));
        Assert.Equal("validation_invlaid_ip_or_subnet", CodeAt(e, "rateLimits.excludedIPs.1"));
        Assert.Null(CodeAt(e, "rateLimits.excludedIPs.0"));
    }

    [Fact]
    public void Superuser_ips_must_be_ips_or_subnets()
    {
        var e = Validate(s => s.SuperuserIPs = new() { "127.0.0.1", "10.0.0.0/8", "::1", "2001:db8::/32", "", "1.2.3.4/33", "999.1.1.1", "1.2" });
        Assert.Null(CodeAt(e, "superuserIPs.0"));
        Assert.Null(CodeAt(e, "superuserIPs.1"));
        Assert.Null(CodeAt(e, "superuserIPs.2"));
        Assert.Null(CodeAt(e, "superuserIPs.3"));
        Assert.Equal("validation_required", CodeAt(e, "superuserIPs.4"));
        Assert.Equal("validation_invlaid_ip_or_subnet", CodeAt(e, "superuserIPs.5"));
        Assert.Equal("validation_invlaid_ip_or_subnet", CodeAt(e, "superuserIPs.6"));
        Assert.Equal("validation_invlaid_ip_or_subnet", CodeAt(e, "superuserIPs.7"));
    }

    [Fact]
    public void Logs_max_days_can_not_be_negative()
    {
        Assert.Equal("validation_min_greater_equal_than_required", CodeAt(Validate(s => s.Logs.MaxDays = -1), "logs.maxDays"));
        Assert.True(Validate(s => s.Logs.MaxDays = 0).IsEmpty);
    }
}
