using System.Text.Json.Nodes;
using Dapper;
using Satchel.Core;
using Satchel.Data;
using Satchel.Models;

namespace Satchel.Collections;

/// <summary>
/// The collections a fresh pb_data starts with – the system ones (_mfas, _otps, _externalAuths,
/// _authOrigins, _superusers) and "users" – defined as PocketBase's init migration defines them,
/// so their ids, fields and indexes match. PocketBase's later system migrations, which this schema
/// already satisfies, are recorded as applied so PocketBase never runs them on this data (the
/// init migration itself is recorded by the migration runner that calls this).
/// </summary>
public static class DefaultCollections
{
    /// <summary>PocketBase's data.db system migrations after its init that a fresh schema already satisfies.</summary>
    public static readonly string[] AppliedMigrations =
    [
        "1717233556_v0.23_migrate.go",
        "1717233557_v0.23_migrate2.go",
        "1717233558_v0.23_migrate3.go",
        "1717233559_v0.23_migrate4.go",
        "1763020353_update_default_auth_alert_templates.go",
        "1778828400_normalize_indexes.go",
    ];

    private const string OwnerRule = "@request.auth.id != '' && recordRef = @request.auth.id && collectionRef = @request.auth.collectionId";

    public static void Create(SatchelApp app)
    {
        app.Db.Write((conn, tx) =>
        {
            if (conn.ExecuteScalar<long>("SELECT count(*) FROM _collections", transaction: tx) > 0) return;

            foreach (var c in new[] { Mfas(), Otps(), ExternalAuths(), AuthOrigins(), Superusers(), Users() })
                app.CollectionSaver.Save(c, isNew: true, validate: true);

            var applied = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() * 1000;
            foreach (var file in AppliedMigrations)
                conn.Execute("INSERT OR IGNORE INTO _migrations (file, applied) VALUES (@file, @applied)", new { file, applied }, tx);
        });
    }

    private static JsonObject Text(bool required = true, bool hidden = false) => new() { ["system"] = true, ["required"] = required, ["hidden"] = hidden };

    private static void AddAutodates(Collection c, bool system)
    {
        c.Fields.Add(FieldSettings.Make("autodate", "created", new JsonObject { ["system"] = system, ["onCreate"] = true }));
        c.Fields.Add(FieldSettings.Make("autodate", "updated", new JsonObject { ["system"] = system, ["onCreate"] = true, ["onUpdate"] = true }));
    }

    private static Collection SystemBase(string name, params (string Name, JsonObject Settings, string Type)[] fields)
    {
        var c = CollectionDefaults.New(CollectionType.Base, name);
        c.System = true;
        c.ListRule = OwnerRule;
        c.ViewRule = OwnerRule;
        foreach (var (fieldName, settings, type) in fields) c.Fields.Add(FieldSettings.Make(type, fieldName, settings));
        AddAutodates(c, system: true);
        return c;
    }

    private static void AddIndex(Collection c, string name, bool unique, string columns)
        => c.Indexes.Add($"CREATE {(unique ? "UNIQUE " : "")}INDEX `{name}` ON `{c.Name}` ({columns})");

    private static Collection Mfas()
    {
        var c = SystemBase(SystemCollections.Mfas,
            ("collectionRef", Text(), "text"), ("recordRef", Text(), "text"), ("method", Text(), "text"));
        AddIndex(c, "idx_mfas_collectionRef_recordRef", false, "collectionRef,recordRef");
        return c;
    }

    private static Collection Otps()
    {
        var c = SystemBase(SystemCollections.Otps,
            ("collectionRef", Text(), "text"), ("recordRef", Text(), "text"),
            ("password", new JsonObject { ["system"] = true, ["hidden"] = true, ["required"] = true, ["cost"] = 8 }, "password"),
            ("sentTo", Text(required: false, hidden: true), "text"));
        AddIndex(c, "idx_otps_collectionRef_recordRef", false, "collectionRef, recordRef");
        return c;
    }

    private static Collection AuthOrigins()
    {
        var c = SystemBase(SystemCollections.AuthOrigins,
            ("collectionRef", Text(), "text"), ("recordRef", Text(), "text"), ("fingerprint", Text(), "text"));
        c.DeleteRule = OwnerRule;
        AddIndex(c, "idx_authOrigins_unique_pairs", true, "collectionRef, recordRef, fingerprint");
        return c;
    }

    private static Collection ExternalAuths()
    {
        var c = SystemBase(SystemCollections.ExternalAuths,
            ("collectionRef", Text(), "text"), ("recordRef", Text(), "text"), ("provider", Text(), "text"), ("providerId", Text(), "text"));
        c.DeleteRule = OwnerRule;
        AddIndex(c, "idx_externalAuths_record_provider", true, "collectionRef, recordRef, provider");
        AddIndex(c, "idx_externalAuths_collection_provider", true, "collectionRef, provider, providerId");
        return c;
    }

    private static Collection Superusers()
    {
        var c = CollectionDefaults.New(CollectionType.Auth, SystemCollections.Superusers);
        c.System = true;
        c.Fields.Add(FieldSettings.Make("email", "email", new JsonObject { ["system"] = true, ["required"] = true }));
        AddAutodates(c, system: true);
        c.Auth!.AuthToken.Duration = 86400;
        return c;
    }

    private static Collection Users()
    {
        var c = CollectionDefaults.New(CollectionType.Auth, "users", "_pb_users_auth_");
        const string owner = "id = @request.auth.id";
        c.ListRule = owner;
        c.ViewRule = owner;
        c.CreateRule = "";
        c.UpdateRule = owner;
        c.DeleteRule = owner;
        c.Fields.Add(FieldSettings.Make("text", "name", new JsonObject { ["max"] = 255 }));
        c.Fields.Add(FieldSettings.Make("file", "avatar", new JsonObject
        {
            ["maxSelect"] = 1,
            ["mimeTypes"] = new JsonArray("image/jpeg", "image/png", "image/svg+xml", "image/gif", "image/webp"),
        }));
        AddAutodates(c, system: false);
        c.Auth!.OAuth2.MappedFields.Name = "name";
        c.Auth.OAuth2.MappedFields.AvatarURL = "avatar";
        return c;
    }
}
