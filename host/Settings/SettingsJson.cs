using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Satchel.Settings;

/// <summary>
/// JSON forms of <see cref="AppSettings"/>: the stored value (with secrets), the API answer
/// (secrets left out, as PocketBase does) and applying a submitted partial object.
/// </summary>
public static class SettingsJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { OmitEmptyS3Secret } },
    };

    /// <summary>PocketBase leaves an unset S3 secret out of the stored JSON.</summary>
    private static void OmitEmptyS3Secret(JsonTypeInfo info)
    {
        if (info.Type != typeof(S3Settings)) return;
        foreach (var p in info.Properties.Where(p => p.Name == "secret"))
            p.ShouldSerialize = (_, value) => value is string { Length: > 0 };
    }

    /// <summary>The value stored in <c>_params</c> (before any encryption).</summary>
    public static byte[] ToStorage(AppSettings settings) => JsonSerializer.SerializeToUtf8Bytes(settings, Options);

    /// <summary>Reads a stored or submitted settings object; keys it lacks keep their defaults.</summary>
    public static AppSettings Parse(ReadOnlySpan<byte> json)
        => Normalize(JsonSerializer.Deserialize<AppSettings>(json, Options) ?? new AppSettings());

    public static AppSettings Clone(AppSettings settings) => Parse(ToStorage(settings));

    /// <summary>The settings as the API answers them: the SMTP password and both S3 secrets are left out.</summary>
    public static JsonObject ToPublic(AppSettings settings)
    {
        var node = JsonSerializer.SerializeToNode(settings, Options)!.AsObject();
        (node["smtp"] as JsonObject)?.Remove("password");
        (node["s3"] as JsonObject)?.Remove("secret");
        (node["backups"]?["s3"] as JsonObject)?.Remove("secret");
        return node;
    }

    /// <summary>
    /// Applies a submitted (partial) settings object to a copy of <paramref name="current"/>:
    /// objects merge key by key, other values replace, null leaves a value as it was (a null
    /// list becomes empty), and a secret that is left out or sent as its mask keeps the stored one.
    /// Throws <see cref="JsonException"/> when a value has the wrong type.
    /// </summary>
    public static AppSettings ApplyPatch(AppSettings current, JsonObject patch)
    {
        var target = JsonSerializer.SerializeToNode(current, Options)!.AsObject();
        Merge(target, patch);
        KeepMaskedSecret(target, current.Smtp.Password, "smtp", "password");
        KeepMaskedSecret(target, current.S3.Secret, "s3", "secret");
        KeepMaskedSecret(target, current.Backups.S3.Secret, "backups", "s3", "secret");
        return Normalize(target.Deserialize<AppSettings>(Options) ?? new AppSettings());
    }

    private static void Merge(JsonObject target, JsonObject patch)
    {
        foreach (var (submittedKey, value) in patch.ToList())
        {
            // Keys match case-insensitively (e.g. "appUrl" sets "appURL"), exact spelling first.
            var key = target.ContainsKey(submittedKey)
                ? submittedKey
                : target.Select(p => p.Key).FirstOrDefault(k => string.Equals(k, submittedKey, StringComparison.OrdinalIgnoreCase)) ?? submittedKey;
            var existing = target[key];

            if (value == null)
            {
                if (existing is JsonArray) target[key] = new JsonArray();
                continue;
            }
            if (value is JsonObject obj && existing is JsonObject existingObj)
            {
                Merge(existingObj, obj);
                continue;
            }
            target[key] = value.DeepClone();
        }
    }

    /// <summary>A value made only of "*" is the redaction mask of older clients, not a new secret.</summary>
    private static void KeepMaskedSecret(JsonObject root, string stored, params string[] path)
    {
        JsonNode? parent = root;
        foreach (var part in path[..^1]) parent = parent?[part];
        if (parent is not JsonObject obj) return;
        var leaf = path[^1];
        if (obj[leaf] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0 && s.All(c => c == '*'))
            obj[leaf] = stored;
    }

    /// <summary>Replaces nulls (e.g. from a stored "superuserIPs": null) with defaults, as Go's decoder leaves them.</summary>
    private static AppSettings Normalize(AppSettings s)
    {
        s.SuperuserIPs ??= new();
        s.Smtp ??= new();
        s.Backups ??= new();
        s.Backups.S3 ??= new();
        s.S3 ??= new();
        s.Meta ??= new();
        s.RateLimits ??= new();
        s.RateLimits.Rules ??= new();
        s.RateLimits.ExcludedIPs ??= new();
        s.TrustedProxy ??= new();
        s.TrustedProxy.Headers ??= new();
        s.Batch ??= new();
        s.Logs ??= new();
        foreach (var r in s.RateLimits.Rules.Where(r => r != null)) { r.Label ??= ""; r.Audience ??= ""; }
        s.RateLimits.Rules.RemoveAll(r => r == null);
        s.SuperuserIPs = s.SuperuserIPs.Select(x => x ?? "").ToList();
        s.RateLimits.ExcludedIPs = s.RateLimits.ExcludedIPs.Select(x => x ?? "").ToList();
        s.TrustedProxy.Headers = s.TrustedProxy.Headers.Select(x => x ?? "").ToList();
        NormalizeStrings(s.Smtp);
        NormalizeStrings(s.S3);
        NormalizeStrings(s.Backups.S3);
        NormalizeStrings(s.Meta);
        s.Backups.Cron ??= "";
        return s;
    }

    private static void NormalizeStrings(object section)
    {
        foreach (var p in section.GetType().GetProperties())
        {
            if (p.PropertyType == typeof(string) && p.CanWrite && p.GetValue(section) == null) p.SetValue(section, "");
        }
    }
}
