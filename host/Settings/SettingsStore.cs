using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dapper;
using Satchel.Data;
using Satchel.Errors;

namespace Satchel.Settings;

/// <summary>
/// Keeps the app settings in <c>_params</c> (id "settings") and a snapshot in memory. The stored
/// value is the settings JSON, or — when serve runs with --encryptionEnv — that JSON encrypted
/// the way PocketBase does it (<see cref="SettingsCipher"/>), so either program opens the other's pb_data.
/// </summary>
public sealed class SettingsStore(IDatabase db, string? encryptionKey)
{
    public const string ParamKey = "settings";
    public const string SaveFailedMessage = "An error occurred while saving the new settings.";

    private volatile AppSettings _current = new();

    /// <summary>Set when serve runs with --encryptionEnv: settings are then stored encrypted.</summary>
    public string? EncryptionKey { get; } = string.IsNullOrEmpty(encryptionKey) ? null : encryptionKey;

    /// <summary>
    /// Wraps every replacement of the in-memory settings (on load and after a save commits); the
    /// app runs its settings-reload hook here and calls the given action to make the new state live.
    /// </summary>
    public Action<Action>? ReloadWrapper { get; set; }

    /// <summary>A copy of the current settings.</summary>
    public AppSettings Current => SettingsJson.Clone(_current);

    /// <summary>
    /// Loads the stored settings; a fresh install stores the defaults, and a plain value found
    /// while an encryption key is set is rewritten encrypted.
    /// </summary>
    public void Load()
    {
        var raw = db.Read(c => c.ExecuteScalar<object?>("SELECT value FROM _params WHERE id = @id", new { id = ParamKey }));
        var text = Sql.Text(raw).Trim();
        if (text == "")
        {
            var defaults = new AppSettings();
            Write(defaults);
            Publish(defaults);
            return;
        }

        AppSettings loaded;
        if (text.StartsWith('{'))
        {
            loaded = ParseStored(Encoding.UTF8.GetBytes(text));
            if (EncryptionKey != null) Write(loaded);
        }
        else
        {
            loaded = ParseStored(Decrypt(text));
        }
        Publish(loaded);
    }

    /// <summary>Validates and stores the settings (in the current transaction, if any); the snapshot follows on commit.</summary>
    public void Save(AppSettings settings)
    {
        var copy = SettingsJson.Clone(settings);
        var errors = SettingsValidator.Validate(copy);
        if (!errors.IsEmpty) throw ApiException.Validation(errors, SaveFailedMessage);
        Write(copy);
        db.AfterCommit(() => Publish(copy));
    }

    private void Write(AppSettings settings)
    {
        var json = SettingsJson.ToStorage(settings);
        // Plain JSON goes in as a blob and encrypted data as base64 text, like PocketBase writes them.
        object value = EncryptionKey == null ? json : SettingsCipher.Encrypt(json, EncryptionKey);
        var now = Sql.Now();
        db.Write((c, tx) => c.Execute(
            "INSERT INTO _params (id, value, created, updated) VALUES (@id, @value, @now, @now) " +
            "ON CONFLICT(id) DO UPDATE SET value = excluded.value, updated = excluded.updated",
            new { id = ParamKey, value, now }, tx));
    }

    private byte[] Decrypt(string stored)
    {
        if (EncryptionKey == null)
            throw new SettingsLoadException(
                "the stored app settings are encrypted (or not valid JSON); start with --encryptionEnv naming the environment variable that holds their 32-character key");
        try
        {
            return SettingsCipher.Decrypt(stored, EncryptionKey);
        }
        catch (CryptographicException e)
        {
            throw new SettingsLoadException(
                "failed to decrypt the stored app settings: the --encryptionEnv key is not the one they were encrypted with (or the stored value is damaged)", e);
        }
    }

    private static AppSettings ParseStored(byte[] json)
    {
        try
        {
            return SettingsJson.Parse(json);
        }
        catch (JsonException e)
        {
            throw new SettingsLoadException($"the stored app settings are not valid: {e.Message}", e);
        }
    }

    private void Publish(AppSettings settings)
    {
        void Apply() => _current = settings;
        if (ReloadWrapper is { } wrap) wrap(Apply); else Apply();
    }
}
