using System.Text.RegularExpressions;
using Satchel.Errors;
using static Satchel.Settings.SettingsErrors;

namespace Satchel.Settings;

/// <summary>
/// PocketBase's validation of the app settings. Errors nest like the JSON they describe, e.g.
/// {"meta":{"appName":{…}}} or {"rateLimits":{"rules":{"0":{"label":{…}}}}}.
/// </summary>
public static partial class SettingsValidator
{
    public static ValidationErrors Validate(AppSettings s)
    {
        var errors = new ValidationErrors();
        errors.AddNested("superuserIPs", EachIp(s.SuperuserIPs));
        errors.AddNested("meta", Meta(s.Meta));
        errors.AddNested("logs", Logs(s.Logs));
        errors.AddNested("smtp", Smtp(s.Smtp));
        errors.AddNested("s3", S3(s.S3));
        errors.AddNested("backups", Backups(s.Backups));
        errors.AddNested("batch", Batch(s.Batch));
        errors.AddNested("rateLimits", RateLimits(s.RateLimits));
        return errors;
    }

    public static ValidationErrors Meta(MetaSettings m)
    {
        var e = new ValidationErrors();
        Check(e, "accentColor", LengthRule(m.AccentColor, 7, 7), Format(m.AccentColor, SettingsFormats.IsHexColor, NotHexColor));
        Check(e, "appName", RequiredRule(m.AppName), LengthRule(m.AppName, 1, 255));
        Check(e, "appURL", RequiredRule(m.AppURL), Format(m.AppURL, SettingsFormats.IsUrl, NotUrl));
        Check(e, "senderName", RequiredRule(m.SenderName), LengthRule(m.SenderName, 1, 255));
        Check(e, "senderAddress", Format(m.SenderAddress, SettingsFormats.IsEmail, NotEmail), RequiredRule(m.SenderAddress));
        return e;
    }

    public static ValidationErrors Logs(LogsSettings l)
    {
        var e = new ValidationErrors();
        Check(e, "maxDays", MinRule(l.MaxDays, 0));
        return e;
    }

    public static ValidationErrors Smtp(SmtpSettings c)
    {
        var e = new ValidationErrors();
        Check(e, "host", RequiredWhen(c.Enabled, c.Host), Format(c.Host, SettingsFormats.IsHost, NotHost));
        Check(e, "port", RequiredWhen(c.Enabled, c.Port), MinRule(c.Port, 0));
        // Not required when enabled: an empty method means PLAIN.
        Check(e, "authMethod", InRule(c.AuthMethod, SmtpSettings.AuthLogin, SmtpSettings.AuthPlain));
        Check(e, "localName", Format(c.LocalName, SettingsFormats.IsHost, NotHost));
        return e;
    }

    public static ValidationErrors S3(S3Settings c)
    {
        var e = new ValidationErrors();
        Check(e, "endpoint", Format(c.Endpoint, SettingsFormats.IsUrl, NotUrl), RequiredWhen(c.Enabled, c.Endpoint));
        Check(e, "bucket", RequiredWhen(c.Enabled, c.Bucket));
        Check(e, "region", RequiredWhen(c.Enabled, c.Region));
        Check(e, "accessKey", RequiredWhen(c.Enabled, c.AccessKey));
        Check(e, "secret", RequiredWhen(c.Enabled, c.Secret));
        return e;
    }

    public static ValidationErrors Backups(BackupsSettings b)
    {
        var e = new ValidationErrors();
        e.AddNested("s3", S3(b.S3));
        if (b.Cron.Length > 0 && CronCheck.Problem(b.Cron) is { } problem) e.Add("cron", InvalidCron(problem));
        // The kept count only matters once a schedule is set.
        Check(e, "cronMaxKeep", RequiredWhen(b.Cron.Length > 0, b.CronMaxKeep), MinRule(b.CronMaxKeep, 1));
        return e;
    }

    public static ValidationErrors Batch(BatchSettings b)
    {
        var e = new ValidationErrors();
        Check(e, "maxRequests", RequiredWhen(b.Enabled, b.MaxRequests), MinRule(b.MaxRequests, 0));
        Check(e, "timeout", RequiredWhen(b.Enabled, b.Timeout), MinRule(b.Timeout, 0));
        Check(e, "maxBodySize", MinRule(b.MaxBodySize, 0));
        return e;
    }

    public static ValidationErrors RateLimits(RateLimitsSettings r)
    {
        var e = new ValidationErrors();
        if (r.Enabled && r.Rules.Count == 0)
        {
            e.Add("rules", Required());
        }
        else if (FirstConflict(r.Rules) is { } conflict)
        {
            e.AddNested("rules", new ValidationErrors().AddNested(conflict.ToString(),
                new ValidationErrors().Add("label", ConflictingRateLimitRule(r.Rules[conflict].Label))));
        }
        else
        {
            var rules = new ValidationErrors();
            for (var i = 0; i < r.Rules.Count; i++) rules.AddNested(i.ToString(), Rule(r.Rules[i]));
            e.AddNested("rules", rules);
        }
        e.AddNested("excludedIPs", EachIp(r.ExcludedIPs));
        return e;
    }

    public static ValidationErrors Rule(RateLimitRule rule)
    {
        var e = new ValidationErrors();
        Check(e, "label", RequiredRule(rule.Label), Format(rule.Label, RateLimitLabel().IsMatch, MatchInvalid));
        Check(e, "maxRequests", RequiredRule(rule.MaxRequests), MinRule(rule.MaxRequests, 1));
        Check(e, "duration", RequiredRule(rule.Duration), MinRule(rule.Duration, 1));
        Check(e, "audience", InRule(rule.Audience, RateLimitRule.AudienceAll, RateLimitRule.AudienceGuest, RateLimitRule.AudienceAuth));
        return e;
    }

    /// <summary>
    /// The index of the first rule whose label+audience equals, or is a prefix of (or extends),
    /// an earlier rule's — such rules would shadow each other.
    /// </summary>
    private static int? FirstConflict(List<RateLimitRule> rules)
    {
        var seen = new List<string>(rules.Count);
        for (var i = 0; i < rules.Count; i++)
        {
            var key = rules[i].Label + "@@" + rules[i].Audience;
            if (seen.Any(k => k.StartsWith(key, StringComparison.Ordinal) || key.StartsWith(k, StringComparison.Ordinal))) return i;
            seen.Add(key);
        }
        return null;
    }

    private static ValidationErrors EachIp(List<string> values)
    {
        var e = new ValidationErrors();
        for (var i = 0; i < values.Count; i++)
            Check(e, i.ToString(), RequiredRule(values[i]), Format(values[i], SettingsFormats.IsIpOrSubnet, NotIpOrSubnet));
        return e;
    }

    // A tag ("name"), "collection:action", "*:action", a path ("/api/x") or "METHOD /path".
    [GeneratedRegex(@"^([0-9A-Za-z_]+ /[0-9A-Za-z_/-]*|/[0-9A-Za-z_/-]*|[0-9A-Za-z_]+:[0-9A-Za-z_]+|\*:[0-9A-Za-z_]+|[0-9A-Za-z_]+)\z")]
    private static partial Regex RateLimitLabel();
}
