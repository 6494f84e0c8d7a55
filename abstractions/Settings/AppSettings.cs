using System.Text.Json.Serialization;

namespace Satchel.Settings;

/// <summary>The app settings stored in <c>_params</c> under the key "settings", with PocketBase's JSON names.</summary>
public sealed class AppSettings
{
    [JsonPropertyName("meta")] public MetaSettings Meta { get; set; } = new();
    [JsonPropertyName("logs")] public LogsSettings Logs { get; set; } = new();
    [JsonPropertyName("smtp")] public SmtpSettings Smtp { get; set; } = new();
    [JsonPropertyName("s3")] public S3Settings S3 { get; set; } = new();
    [JsonPropertyName("backups")] public BackupsSettings Backups { get; set; } = new();
    [JsonPropertyName("batch")] public BatchSettings Batch { get; set; } = new();
    [JsonPropertyName("rateLimits")] public RateLimitsSettings RateLimits { get; set; } = new();
    [JsonPropertyName("trustedProxy")] public TrustedProxySettings TrustedProxy { get; set; } = new();
    [JsonPropertyName("superuserIPs")] public List<string> SuperuserIPs { get; set; } = new();
}

public sealed class MetaSettings
{
    [JsonPropertyName("appName")] public string AppName { get; set; } = "Acme";
    [JsonPropertyName("appURL")] public string AppURL { get; set; } = "http://localhost:8090";
    [JsonPropertyName("senderName")] public string SenderName { get; set; } = "Support";
    [JsonPropertyName("senderAddress")] public string SenderAddress { get; set; } = "support@example.com";
    [JsonPropertyName("hideControls")] public bool HideControls { get; set; }
}

public sealed class LogsSettings
{
    [JsonPropertyName("maxDays")] public int MaxDays { get; set; } = 5;
    [JsonPropertyName("minLevel")] public int MinLevel { get; set; }
    [JsonPropertyName("logIP")] public bool LogIP { get; set; } = true;
    [JsonPropertyName("logAuthId")] public bool LogAuthId { get; set; }
}

public sealed class SmtpSettings
{
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("port")] public int Port { get; set; } = 587;
    [JsonPropertyName("host")] public string Host { get; set; } = "smtp.example.com";
    [JsonPropertyName("username")] public string Username { get; set; } = "";
    [JsonPropertyName("password")] public string Password { get; set; } = "";
    [JsonPropertyName("authMethod")] public string AuthMethod { get; set; } = "";
    [JsonPropertyName("tls")] public bool Tls { get; set; }
    [JsonPropertyName("localName")] public string LocalName { get; set; } = "";
}

public sealed class S3Settings
{
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("bucket")] public string Bucket { get; set; } = "";
    [JsonPropertyName("region")] public string Region { get; set; } = "";
    [JsonPropertyName("endpoint")] public string Endpoint { get; set; } = "";
    [JsonPropertyName("accessKey")] public string AccessKey { get; set; } = "";
    [JsonPropertyName("secret")] public string Secret { get; set; } = "";
    [JsonPropertyName("forcePathStyle")] public bool ForcePathStyle { get; set; }
}

public sealed class BackupsSettings
{
    [JsonPropertyName("cron")] public string Cron { get; set; } = "";
    [JsonPropertyName("cronMaxKeep")] public int CronMaxKeep { get; set; } = 3;
    [JsonPropertyName("s3")] public S3Settings S3 { get; set; } = new();
}

public sealed class BatchSettings
{
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
    [JsonPropertyName("maxRequests")] public int MaxRequests { get; set; } = 50;
    [JsonPropertyName("timeout")] public long Timeout { get; set; } = 3;
    [JsonPropertyName("maxBodySize")] public long MaxBodySize { get; set; }
}

public sealed class RateLimitsSettings
{
    [JsonPropertyName("rules")] public List<RateLimitRule> Rules { get; set; } = new();
    [JsonPropertyName("excludedIPs")] public List<string> ExcludedIPs { get; set; } = new();
    [JsonPropertyName("enabled")] public bool Enabled { get; set; }
}

public sealed class RateLimitRule
{
    [JsonPropertyName("label")] public string Label { get; set; } = "";
    [JsonPropertyName("audience")] public string Audience { get; set; } = "";
    [JsonPropertyName("duration")] public long Duration { get; set; }
    [JsonPropertyName("maxRequests")] public int MaxRequests { get; set; }
}

public sealed class TrustedProxySettings
{
    [JsonPropertyName("headers")] public List<string> Headers { get; set; } = new();
    [JsonPropertyName("useLeftmostIP")] public bool UseLeftmostIP { get; set; }
}
