using Dapper;
using Satchel.Data;

namespace Satchel.Data.Migrations;

/// <summary>
/// Applies and reverts a list of migrations against data.db's <c>_migrations</c> table
/// (file, applied = unix time in microseconds), the bookkeeping PocketBase uses, so a pb_data
/// moved between the two keeps its history. Each run is one transaction on data.db and one on
/// auxiliary.db: a failing migration leaves both databases and the history as they were.
/// </summary>
public sealed class MigrationRunner(IApp app, MigrationList list)
{
    public const string Table = "_migrations";

    /// <summary>Applies every migration not yet recorded, in file order; returns the files applied.</summary>
    public IReadOnlyList<string> Up()
    {
        EnsureTable();
        var applied = new List<string>();
        InTransaction((c, tx) =>
        {
            var done = AppliedFiles(c, tx);
            foreach (var m in list.Items)
            {
                if (done.Contains(m.File)) continue;
                try { m.Up(app); }
                catch (Exception e) { throw new MigrationException($"failed to apply migration {m.File}: {e.Message}", e); }
                // A migration may record itself (e.g. the init one records PocketBase's names for a fresh schema).
                c.Execute($"INSERT OR REPLACE INTO {Table} (file, applied) VALUES (@file, @applied)", new { file = m.File, applied = NowUnixMicro() }, tx);
                applied.Add(m.File);
            }
        });
        return applied;
    }

    /// <summary>Reverts the last <paramref name="count"/> applied migrations, newest first; returns the files reverted.</summary>
    public IReadOnlyList<string> Down(int count)
    {
        EnsureTable();
        var names = LastApplied(count);
        var reverted = new List<string>();
        InTransaction((c, tx) =>
        {
            foreach (var file in names)
            {
                var m = list.Find(file)!;
                try { m.Down?.Invoke(app); }
                catch (Exception e) { throw new MigrationException($"failed to revert migration {m.File}: {e.Message}", e); }
                c.Execute($"DELETE FROM {Table} WHERE file = @file", new { file = m.File }, tx);
                reverted.Add(m.File);
            }
        });
        return reverted;
    }

    /// <summary>
    /// The last <paramref name="limit"/> applied migrations that this list knows, newest first.
    /// Older PocketBase versions stored seconds instead of microseconds, so both are compared
    /// on their first 16 digits.
    /// </summary>
    public IReadOnlyList<string> LastApplied(int limit)
    {
        EnsureTable();
        if (limit <= 0) return Array.Empty<string>();
        return app.Db.Read(c => c.Query<string>(
            $"""
            SELECT file FROM {Table}
            WHERE applied IS NOT NULL AND file IN @files
            ORDER BY substr(applied||'0000000000000000', 0, 17) DESC, file DESC
            LIMIT @limit
            """,
            new { files = list.Files.ToArray(), limit }).ToList());
    }

    /// <summary>Forgets applied migrations that are no longer in the list.</summary>
    public int HistorySync()
    {
        EnsureTable();
        return app.Db.Write((c, tx) => c.Execute($"DELETE FROM {Table} WHERE file NOT IN @files", new { files = list.Files.ToArray() }, tx));
    }

    /// <summary>Files of the list not recorded as applied, in order.</summary>
    public IReadOnlyList<string> Pending()
    {
        EnsureTable();
        var done = app.Db.Read(c => AppliedFiles(c, null));
        return list.Files.Where(f => !done.Contains(f)).ToList();
    }

    private static HashSet<string> AppliedFiles(System.Data.IDbConnection c, System.Data.IDbTransaction? tx)
        => c.Query<string>($"SELECT file FROM {Table}", transaction: tx).ToHashSet(StringComparer.Ordinal);

    private void EnsureTable()
        => app.Db.Write((c, tx) => c.Execute(
            $"CREATE TABLE IF NOT EXISTS {Table} (file VARCHAR(255) PRIMARY KEY NOT NULL, applied INTEGER NOT NULL)", transaction: tx));

    /// <summary>Runs <paramref name="work"/> inside an auxiliary.db transaction wrapping a data.db one.</summary>
    private void InTransaction(Action<System.Data.IDbConnection, System.Data.IDbTransaction> work)
        => app.AuxDb.Write((_, _) => app.Db.Write(work));

    private static long NowUnixMicro() => (DateTime.UtcNow - DateTime.UnixEpoch).Ticks / 10;
}
