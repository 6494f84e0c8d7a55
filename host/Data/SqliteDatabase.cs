using System.Collections.Concurrent;
using System.Data;
using Microsoft.Data.Sqlite;
using Satchel.Data;

namespace Satchel.Data;

/// <summary>
/// One SQLite file in WAL mode: a single writer connection guarded by a lock (so writers queue
/// in-process instead of meeting SQLITE_BUSY) and a pool of read connections.
/// </summary>
public sealed class SqliteDatabase : IDatabase, IDisposable
{
    private readonly string _connectionString;
    private readonly SqliteConnection _writer;
    // A semaphore rather than a lock: an async write scope may resume on another thread.
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly ConcurrentBag<SqliteConnection> _readers = new();
    private readonly int _maxIdleReaders;
    private readonly AsyncLocal<WriteScope?> _scope = new();
    private bool _disposed;

    private sealed class WriteScope
    {
        public required SqliteTransaction Transaction;
        public int Depth;
        public readonly List<Action> AfterCommit = new();
        public readonly List<Action> AfterRollback = new();
    }

    public string Path { get; }

    public SqliteDatabase(string path, int maxIdleReaders = 16)
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
        _writer = Open();
        Exec(_writer, "PRAGMA journal_mode=WAL;");
        Exec(_writer, "PRAGMA synchronous=NORMAL;");
    }

    private SqliteConnection Open()
    {
        var c = new SqliteConnection(_connectionString);
        c.Open();
        // busy_timeout covers other processes touching the file; in-process writers queue on the lock.
        Exec(c, "PRAGMA busy_timeout=10000; PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; PRAGMA cache_size=-16000;");
        return c;
    }

    private static void Exec(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public bool InTransaction => _scope.Value != null;

    public T Read<T>(Func<IDbConnection, T> query)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_scope.Value != null) return query(_writer);
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
        var scope = _scope.Value;
        if (scope != null)
        {
            scope.Depth++;
            try { return work(_writer, scope.Transaction); }
            finally { scope.Depth--; }
        }

        _writeLock.Wait();
        List<Action>? after = null;
        try
        {
            scope = Begin();
            try
            {
                var result = work(_writer, scope.Transaction);
                scope.Transaction.Commit();
                after = scope.AfterCommit;
                return result;
            }
            catch
            {
                after = Rollback(scope);
                throw;
            }
            finally
            {
                End(scope);
            }
        }
        finally
        {
            _writeLock.Release();
            RunAll(after);
        }
    }

    public void Write(Action<IDbConnection, IDbTransaction> work) => Write<object?>((c, t) => { work(c, t); return null; });

    public async Task<T> WriteAsync<T>(Func<IDbConnection, IDbTransaction, Task<T>> work)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var scope = _scope.Value;
        if (scope != null)
        {
            scope.Depth++;
            try { return await work(_writer, scope.Transaction); }
            finally { scope.Depth--; }
        }

        await _writeLock.WaitAsync();
        List<Action>? after = null;
        try
        {
            scope = Begin();
            try
            {
                var result = await work(_writer, scope.Transaction);
                scope.Transaction.Commit();
                after = scope.AfterCommit;
                return result;
            }
            catch
            {
                after = Rollback(scope);
                throw;
            }
            finally
            {
                End(scope);
            }
        }
        finally
        {
            _writeLock.Release();
            RunAll(after);
        }
    }

    private WriteScope Begin()
    {
        var scope = new WriteScope { Transaction = _writer.BeginTransaction(deferred: false) };
        _scope.Value = scope;
        return scope;
    }

    private static List<Action> Rollback(WriteScope scope)
    {
        try { scope.Transaction.Rollback(); } catch { /* the original error matters more */ }
        return scope.AfterRollback;
    }

    private void End(WriteScope scope)
    {
        scope.Transaction.Dispose();
        _scope.Value = null;
    }

    private static void RunAll(List<Action>? actions)
    {
        if (actions == null) return;
        foreach (var a in actions) a();
    }

    public void AfterCommit(Action action)
    {
        var scope = _scope.Value;
        if (scope == null) action(); else scope.AfterCommit.Add(action);
    }

    public void AfterRollback(Action action)
    {
        _scope.Value?.AfterRollback.Add(action);
    }

    /// <summary>Runs a statement outside any transaction (e.g. VACUUM, PRAGMA), on the writer.</summary>
    public void ExecuteRaw(string sql)
    {
        _writeLock.Wait();
        try { Exec(_writer, sql); }
        finally { _writeLock.Release(); }
    }

    public void Dispose()
    {
        if (_disposed) return;
        _writeLock.Wait();
        try
        {
            _disposed = true;
            while (_readers.TryTake(out var r)) r.Dispose();
            try { Exec(_writer, "PRAGMA wal_checkpoint(TRUNCATE);"); } catch { /* best effort on shutdown */ }
            _writer.Dispose();
        }
        finally { _writeLock.Release(); }
    }
}
