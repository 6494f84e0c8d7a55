using System.Text.Json;
using Dapper;
using Satchel.Data;
using Satchel.Settings;

namespace Satchel.Settings;

/// <summary>Keeps the app settings in <c>_params</c> (id "settings") and a snapshot in memory.</summary>
public sealed class SettingsStore(IDatabase db, string? encryptionKey)
{
    public const string ParamKey = "settings";
    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };
    private volatile AppSettings _current = new();

    /// <summary>Set when serve runs with --encryptionEnv: settings are then stored encrypted.</summary>
    public string? EncryptionKey { get; } = encryptionKey;

    public AppSettings Current => Clone(_current);

    public void Load()
    {
        var raw = db.Read(c => c.ExecuteScalar<object?>("SELECT value FROM _params WHERE id = @id", new { id = ParamKey }));
        var text = Data.Sql.Text(raw);
        _current = string.IsNullOrWhiteSpace(text) ? new AppSettings() : JsonSerializer.Deserialize<AppSettings>(text, Json) ?? new AppSettings();
    }

    public void Save(AppSettings settings)
    {
        var value = JsonSerializer.Serialize(settings);
        var now = Data.Sql.Now();
        db.Write((c, tx) => c.Execute(
            "INSERT INTO _params (id, value, created, updated) VALUES (@id, @value, @now, @now) " +
            "ON CONFLICT(id) DO UPDATE SET value = excluded.value, updated = excluded.updated",
            new { id = ParamKey, value, now }, tx));
        db.AfterCommit(() => _current = Clone(settings));
    }

    private static AppSettings Clone(AppSettings s) => JsonSerializer.Deserialize<AppSettings>(JsonSerializer.Serialize(s))!;
}
