using Dapper;
using Satchel.Collections;
using Satchel.Core;

namespace Satchel.Data;

/// <summary>
/// Creates PocketBase's system tables on a fresh pb_data and leaves an existing one as it is.
/// The statements are idempotent so a PocketBase-created data.db opens unchanged.
/// </summary>
public static class SystemSchema
{
    public const string InitMigration = "1640988000_init.go";

    public static void Apply(SatchelApp app)
    {
        var fresh = app.Db.Read(c => c.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE type='table' AND name='_collections'")) == 0;
        app.Db.Write((c, tx) =>
        {
            c.Execute("""
                CREATE TABLE IF NOT EXISTS `_migrations` (file VARCHAR(255) PRIMARY KEY NOT NULL, applied INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS `_collections` (
                    `id`         TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL,
                    `system`     BOOLEAN DEFAULT FALSE NOT NULL,
                    `type`       TEXT DEFAULT "base" NOT NULL,
                    `name`       TEXT UNIQUE NOT NULL,
                    `fields`     JSON DEFAULT "[]" NOT NULL,
                    `indexes`    JSON DEFAULT "[]" NOT NULL,
                    `listRule`   TEXT DEFAULT NULL,
                    `viewRule`   TEXT DEFAULT NULL,
                    `createRule` TEXT DEFAULT NULL,
                    `updateRule` TEXT DEFAULT NULL,
                    `deleteRule` TEXT DEFAULT NULL,
                    `options`    JSON DEFAULT "{}" NOT NULL,
                    `created`    TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL,
                    `updated`    TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL
                );
                CREATE INDEX IF NOT EXISTS idx__collections_type on `_collections` (`type`);
                CREATE TABLE IF NOT EXISTS `_params` (
                    `id`      TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL,
                    `value`   JSON DEFAULT NULL,
                    `created` TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL,
                    `updated` TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL
                );
                """, transaction: tx);
        });
        app.AuxDb.Write((c, tx) =>
        {
            c.Execute("""
                CREATE TABLE IF NOT EXISTS `_migrations` (file VARCHAR(255) PRIMARY KEY NOT NULL, applied INTEGER NOT NULL);
                CREATE TABLE IF NOT EXISTS `_logs` (
                    `id`      TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL,
                    `level`   INTEGER DEFAULT 0 NOT NULL,
                    `message` TEXT DEFAULT "" NOT NULL,
                    `data`    JSON DEFAULT "{}" NOT NULL,
                    `created` TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL,
                    `updated` TEXT DEFAULT (strftime('%Y-%m-%d %H:%M:%fZ')) NOT NULL
                );
                CREATE INDEX IF NOT EXISTS idx_logs_level on `_logs` (`level`);
                CREATE INDEX IF NOT EXISTS idx_logs_message on `_logs` (`message`);
                CREATE INDEX IF NOT EXISTS idx_logs_created_hour on `_logs` (strftime('%Y-%m-%d %H:00:00', `created`));
                """, transaction: tx);
        });
        if (fresh) DefaultCollections.Create(app);
    }
}
