using System.Text.Json.Serialization;

namespace Satchel.Settings;

/// <summary>
/// The app settings stored in <c>_params</c> under the key "settings", with PocketBase's JSON
/// names, key order and fresh-install defaults.
/// </summary>
public sealed class AppSettings
{
    /// <summary>When not empty, superusers may only call the API from these IPs or CIDR subnets.</summary>
    [JsonPropertyName("superuserIPs")] public List<string> SuperuserIPs { get; set; } = new();
    [JsonPropertyName("smtp")] public SmtpSettings Smtp { get; set; } = new();
    [JsonPropertyName("backups")] public BackupsSettings Backups { get; set; } = new();
    [JsonPropertyName("s3")] public S3Settings S3 { get; set; } = new();
    [JsonPropertyName("meta")] public MetaSettings Meta { get; set; } = new();
    [JsonPropertyName("rateLimits")] public RateLimitsSettings RateLimits { get; set; } = new();
    [JsonPropertyName("trustedProxy")] public TrustedProxySettings TrustedProxy { get; set; } = new();
    [JsonPropertyName("batch")] public BatchSettings Batch { get; set; } = new();
    [JsonPropertyName("logs")] public LogsSettings Logs { get; set; } = new();
}

public sealed class MetaSettings
{
    /// <summary>Dashboard accent colour (#rrggbb).</summary>
    [JsonPropertyName("accentColor")] public string AccentColor { get; set; } = "#1055c9";
    [JsonPropertyName("appName")] public string AppName { get; set; } = "Acme";
    [JsonPropertyName("appURL")] public string AppURL { get; set; } = "http://localhost:8090";
    [JsonPropertyName("senderName")] public string SenderName { get; set; } = "Support";
    [JsonPropertyName("senderAddress")] public string SenderAddress { get; set; } = "support@example.com";
    [JsonPropertyName("hideControls")] public bool HideControls { get; set; }
}

public sealed class LogsSettings
{
    /// <summary>Days to keep request logs; 0 disables logging.</summary>
    [JsonPropertyName("maxDays")] public int MaxDays { get; set; } = 5;
    /// <summary>Lowest level stored: -4 debug, 0 info, 4 warn, 8 error.</summary>
    [JsonPropertyName("minLevel")] public int MinLevel { get; set; }
    [JsonPropertyName("logIP")] public bool LogIP { get; set; } = true;
    [JsonPropertyName("logAuthId")] public bool LogAuthId { get; set; }
}

public sealed class SmtpSettings
{
    public const string AuthPlain = "PLAIN";
    public const string AuthLogin = "LOGIN";

    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("port")] public int Port { get; set; } = 587;
    [JsonPropertyName("host")] public string Host { get; set; } = "smtp.example.com";
    [JsonPropertyName("username")] public string Username { get; set; } = "";
    /// <summary>Secret: stored, never answered by the API.</summary>
    [JsonPropertyName("password")] public string Password { get; set; } = "";
    /// <summary>"PLAIN" (default when empty) or "LOGIN".</summary>
    [JsonPropertyName("authMethod")] public string AuthMethod { get; set; } = "";
    /// <summary>Implicit TLS; when false the client asks for STARTTLS.</summary>
    [JsonPropertyName("tls")] public bool Tls { get; set; }
    /// <summary>Name sent in EHLO/HELO (localhost when empty).</summary>
    [JsonPropertyName("localName")] public string LocalName { get; set; } = "";
}

public sealed class S3Settings
{
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("bucket")] public string Bucket { get; set; } = "";
    [JsonPropertyName("region")] public string Region { get; set; } = "";
    [JsonPropertyName("endpoint")] public string Endpoint { get; set; } = "";
    [JsonPropertyName("accessKey")] public string AccessKey { get; set; } = "";
    /// <summary>Secret: stored only when set, never answered by the API.</summary>
    [JsonPropertyName("secret")] public string Secret { get; set; } = "";
    [JsonPropertyName("forcePathStyle")] public bool ForcePathStyle { get; set; }
}

public sealed class BackupsSettings
{
    /// <summary>Cron expression of the automatic backups; empty disables them.</summary>
    [JsonPropertyName("cron")] public string Cron { get; set; } = "";
    /// <summary>How many automatic backups to keep.</summary>
    [JsonPropertyName("cronMaxKeep")] public int CronMaxKeep { get; set; } = 3;
    /// <summary>Where backups go when enabled (otherwise pb_data/backups).</summary>
    [JsonPropertyName("s3")] public S3Settings S3 { get; set; } = new();
}

public sealed class BatchSettings
{
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("maxRequests")] public int MaxRequests { get; set; } = 50;
    /// <summary>Seconds before the batch transaction is cancelled.</summary>
    [JsonPropertyName("timeout")] public long Timeout { get; set; } = 3;
    /// <summary>Bytes; 0 means the default limit (~128MB).</summary>
    [JsonPropertyName("maxBodySize")] public long MaxBodySize { get; set; }
}

public sealed class RateLimitsSettings
{
    [JsonPropertyName("rules")] public List<RateLimitRule> Rules { get; set; } = DefaultRules();
    [JsonPropertyName("excludedIPs")] public List<string> ExcludedIPs { get; set; } = new();
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }

    /// <summary>The rules of a fresh install (off until <see cref="Enabled"/> is set).</summary>
    public static List<RateLimitRule> DefaultRules() => new()
    {
        new() { Label = "*:auth", Duration = 3, MaxRequests = 2 },
        new() { Label = "*:create", Duration = 5, MaxRequests = 20 },
        new() { Label = "/api/batch", Duration = 1, MaxRequests = 3 },
        new() { Label = "/api/", Duration = 10, MaxRequests = 300 },
    };
}

public sealed class RateLimitRule
{
    public const string AudienceAll = "";
    public const string AudienceGuest = "@guest";
    public const string AudienceAuth = "@auth";

    /// <summary>A tag ("users:create", "*:auth"), a path, or a path prefix ending with "/" (optionally after a method).</summary>
    [JsonPropertyName("label")] public string Label { get; set; } = "";
    /// <summary>"" (everyone), "@guest" or "@auth".</summary>
    [JsonPropertyName("audience")] public string Audience { get; set; } = "";
    /// <summary>Seconds per window.</summary>
    [JsonPropertyName("duration")] public long Duration { get; set; }
    [JsonPropertyName("maxRequests")] public int MaxRequests { get; set; }
}

public sealed class TrustedProxySettings
{
    [JsonPropertyName("headers")] public List<string> Headers { get; set; } = new();
    [JsonPropertyName("useLeftmostIP")] public bool UseLeftmostIP { get; set; }
}
