using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;

namespace Satchel.Data;

/// <summary>
/// One SQLite file in WAL mode: a pool of read connections and one writer connection owned by a
/// <see cref="SqliteWriter"/>, which runs every write in turn (so writers queue in-process instead
/// of meeting SQLITE_BUSY) and commits concurrent writes together.
/// </summary>
public sealed class SqliteDatabase : IDatabase, IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteConnection _connection;
    private readonly SqliteWriter _writer;
    private readonly ConcurrentBag<SqliteConnection> _readers = new();
    private readonly int _maxIdleReaders;
    private readonly AsyncLocal<SqliteWriter.WriteScope?> _scope = new();
    private bool _disposed;

    public string Path { get; }

    /// <param name="maxIdleReaders">
    /// Read connections kept open between reads: enough for the concurrent reads of a busy server,
    /// since opening one costs a schema load and a cold page cache.
    /// </param>
    public SqliteDatabase(string path, int maxIdleReaders = 64)
    {
        Path = path;
        _maxIdleReaders = maxIdleReaders;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = false,
            DefaultTimeout = 10,
        }.ToString();
        _connection = Open();
        // the writer keeps a larger page cache than each of the many readers
        Exec(_connection, "PRAGMA cache_size=-16000;");
        Exec(_connection, "PRAGMA journal_mode=WAL;");
        Exec(_connection, "PRAGMA synchronous=NORMAL;");
        _writer = new SqliteWriter(_connection, _scope, System.IO.Path.GetFileName(path));
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        // busy_timeout covers other processes touching the file; in-process writers queue on the writer.
        Exec(c, "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-4000;");
        return c;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>The write scope the current flow runs in, if any.</summary>
    private SqliteWriter.WriteScope? Scope => _scope.Value is { Open: true } scope ? scope : null;

    public bool InTransaction => Scope != null;

    public T Read<T>(Func<IDbConnection, T> query)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Scope != null) return query(_connection);
        if (!_readers.TryTake(out var conn)) conn = Open();
        try
        {
            return query(conn);
        }
        finally
        {
            if (_readers.Count < _maxIdleReaders && !_disposed) _readers.Add(conn); else conn.Dispose();
        }
    }

    public T Write<T>(Func<IDbConnection, IDbTransaction, T> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        // Nested writes join the transaction of the write they run in.
        if (Scope is { } scope) return work(_connection, scope.Transaction);
        return _writer.Run(work);
    }

    public void Write(Action<IDbConnection, IDbTransaction> work) => Write<object?>((c, t) => { work(c, t); return null; });

    public Task<T> WriteAsync<T>(Func<IDbConnection, IDbTransaction, Task<T>> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Scope is { } scope) return work(_connection, scope.Transaction);
        return _writer.RunAsync(work);
    }

    public void AfterCommit(Action action)
    {
        if (Scope is { } scope) scope.AfterCommit.Add(action); else action();
    }

    public void AfterRollback(Action action) => Scope?.AfterRollback.Add(action);

    /// <summary>Runs a statement outside any transaction (e.g. VACUUM, PRAGMA), on the writer.</summary>
    public void ExecuteRaw(string sql) => _writer.RunWithoutTransaction(c => Exec(c, sql));

    public void Dispose()
    {
        if (_disposed) return;
        _writer.Dispose();
        _disposed = true;
        while (_readers.TryTake(out var r)) r.Dispose();
        try { Exec(_connection, "PRAGMA wal_checkpoint(TRUNCATE);"); } catch { /* best effort on shutdown */ }
        _connection.Dispose();
    }
}
