using System.Data;
using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Data.Sqlite;

namespace Satchel.Data;

/// <summary>
/// The single writer of one SQLite file: a dedicated thread that owns the write connection and runs
/// queued write work back to back. Work that is queued while another runs joins one transaction
/// (group commit), each piece under its own savepoint, so a failing piece is undone alone while the
/// others commit together; callers are released once their transaction's fate is known. This keeps
/// the connection busy under concurrent load instead of handing a lock from thread to thread.
/// Each piece runs in its caller's <see cref="ExecutionContext"/>, so async-locals (the open write
/// scope, the HTTP context) are the caller's.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    /// <summary>At most this many pieces share a transaction…</summary>
    private const int MaxGroup = 128;
    /// <summary>…and a transaction takes no new pieces after this long, so the first waits little for its commit.</summary>
    private static readonly long MaxGroupTicks = Stopwatch.Frequency / 100;
    private const string Savepoint = "satchel_piece";

    private readonly SqliteConnection _connection;
    private readonly AsyncLocal<WriteScope?> _scope;
    private readonly Queue<Piece> _queue = new();
    private readonly Thread _thread;
    private bool _stopping;

    public SqliteWriter(SqliteConnection connection, AsyncLocal<WriteScope?> scope, string name)
    {
        _connection = connection;
        _scope = scope;
        _thread = new Thread(Loop) { IsBackground = true, Name = "sqlite writer " + name };
        _thread.Start();
    }

    /// <summary>The transaction a piece of work runs in, and what its caller runs once it is committed or undone.</summary>
    internal sealed class WriteScope
    {
        public required SqliteTransaction Transaction;
        /// <summary>False once the piece has run: a flow that captured the scope (a task it started) no longer joins it.</summary>
        public bool Open = true;
        public readonly List<Action> AfterCommit = new();
        public readonly List<Action> AfterRollback = new();
    }

    public T Run<T>(Func<IDbConnection, IDbTransaction, T> work)
    {
        var piece = new Piece<T>(this, work, null, exclusive: false);
        Enqueue(piece);
        return piece.Wait();
    }

    public Task<T> RunAsync<T>(Func<IDbConnection, IDbTransaction, Task<T>> work)
    {
        // Async work may hold its transaction across slow awaits (a batch request): it gets one of its own.
        var piece = new Piece<T>(this, null, work, exclusive: true);
        Enqueue(piece);
        return piece.WaitAsync();
    }

    /// <summary>Runs a statement outside any transaction (VACUUM, PRAGMA), after the queued writes.</summary>
    public void RunWithoutTransaction(Action<SqliteConnection> statement)
    {
        var piece = new Piece<object?>(this, (c, _) => { statement((SqliteConnection)c); return null; }, null, exclusive: true) { NoTransaction = true };
        Enqueue(piece);
        piece.Wait();
    }

    private void Enqueue(Piece piece)
    {
        lock (_queue)
        {
            ObjectDisposedException.ThrowIf(_stopping, this);
            _queue.Enqueue(piece);
            if (_queue.Count == 1) Monitor.Pulse(_queue);
        }
    }

    /// <summary>The next queued piece, waiting for one; null once stopping and drained.</summary>
    private Piece? Next()
    {
        lock (_queue)
        {
            while (_queue.Count == 0)
            {
                if (_stopping) return null;
                Monitor.Wait(_queue);
            }
            return _queue.Dequeue();
        }
    }

    /// <summary>The next queued piece if it may join the open transaction.</summary>
    private Piece? NextShared()
    {
        lock (_queue)
        {
            return _queue.TryPeek(out var next) && !next.Exclusive ? _queue.Dequeue() : null;
        }
    }

    private void Loop()
    {
        var group = new List<Piece>(MaxGroup);
        while (Next() is { } first)
        {
            if (first.NoTransaction) RunWithoutTransaction(first);
            else RunTransaction(first, group);
        }
    }

    private void RunWithoutTransaction(Piece piece)
    {
        try
        {
            piece.Execute(_connection, null);
            piece.Succeed();
        }
        catch (Exception e)
        {
            piece.Fail(e);
        }
    }

    /// <summary>One transaction: <paramref name="first"/>, then (unless it is exclusive) the shared pieces queued behind it.</summary>
    private void RunTransaction(Piece first, List<Piece> group)
    {
        SqliteTransaction tx;
        try { tx = _connection.BeginTransaction(deferred: false); }
        catch (Exception e) { first.Fail(e); return; }

        using (tx)
        {
            var started = Stopwatch.GetTimestamp();
            var piece = first;
            while (true)
            {
                if (!RunPiece(piece, tx, group)) return; // the transaction is gone, and the group with it
                if (first.Exclusive || group.Count >= MaxGroup || Stopwatch.GetTimestamp() - started >= MaxGroupTicks) break;
                if (NextShared() is not { } next) break;
                piece = next;
            }

            try
            {
                tx.Commit();
            }
            catch (Exception e)
            {
                TryRollback(tx);
                FailAll(group, e);
                return;
            }
            foreach (var done in group) done.Succeed();
            group.Clear();
        }
    }

    /// <summary>Runs one piece under a savepoint; false when SQLite itself ended the transaction (the group is lost).</summary>
    private bool RunPiece(Piece piece, SqliteTransaction tx, List<Piece> group)
    {
        try
        {
            tx.Save(Savepoint);
        }
        catch (Exception e)
        {
            piece.Fail(e);
            return InTransaction() || Abandon(group, tx, e);
        }
        try
        {
            piece.Execute(_connection, tx);
            tx.Release(Savepoint);
            group.Add(piece);
            return true;
        }
        catch (Exception e)
        {
            if (!InTransaction())
            {
                // Some errors (disk full, I/O) make SQLite roll back the whole transaction.
                piece.Fail(e);
                return Abandon(group, tx, e);
            }
            try
            {
                tx.Rollback(Savepoint);
                tx.Release(Savepoint);
            }
            catch (Exception undo)
            {
                piece.Fail(e);
                TryRollback(tx);
                return Abandon(group, tx, undo);
            }
            piece.Fail(e);
            return true;
        }
    }

    private static bool Abandon(List<Piece> group, SqliteTransaction tx, Exception cause)
    {
        TryRollback(tx);
        FailAll(group, cause);
        return false;
    }

    private static void FailAll(List<Piece> group, Exception cause)
    {
        foreach (var piece in group) piece.Fail(new InvalidOperationException("The transaction was rolled back: " + cause.Message, cause));
        group.Clear();
    }

    private bool InTransaction() => SQLitePCL.raw.sqlite3_get_autocommit(_connection.Handle) == 0;

    private static void TryRollback(SqliteTransaction tx)
    {
        try { tx.Rollback(); } catch { /* already ended by SQLite; the original error matters more */ }
    }

    /// <summary>Finishes the queued work, then stops the thread.</summary>
    public void Dispose()
    {
        lock (_queue)
        {
            if (_stopping) return;
            _stopping = true;
            Monitor.Pulse(_queue);
        }
        _thread.Join();
    }

    // ---------------------------------------------------------------- queued work

    private abstract class Piece
    {
        public bool Exclusive;
        public bool NoTransaction;
        public abstract void Execute(SqliteConnection connection, SqliteTransaction? tx);
        public abstract void Succeed();
        public abstract void Fail(Exception error);
    }

    private sealed class Piece<T> : Piece
    {
        private readonly SqliteWriter _writer;
        private readonly Func<IDbConnection, IDbTransaction, T>? _work;
        private readonly Func<IDbConnection, IDbTransaction, Task<T>>? _asyncWork;
        private readonly ExecutionContext? _context;
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private WriteScope? _scope;
        private T _result = default!;

        public Piece(SqliteWriter writer, Func<IDbConnection, IDbTransaction, T>? work, Func<IDbConnection, IDbTransaction, Task<T>>? asyncWork, bool exclusive)
        {
            _writer = writer;
            _work = work;
            _asyncWork = asyncWork;
            _context = ExecutionContext.Capture();
            Exclusive = exclusive;
        }

        public override void Execute(SqliteConnection connection, SqliteTransaction? tx)
        {
            _scope = tx == null ? null : new WriteScope { Transaction = tx };
            if (_context == null) Body();
            else ExecutionContext.Run(_context, static state => ((Piece<T>)state!).Body(), this);
        }

        private void Body()
        {
            var previous = _writer._scope.Value;
            _writer._scope.Value = _scope;
            try
            {
                _result = _work != null
                    ? _work(_writer._connection, _scope?.Transaction!)
                    : _asyncWork!(_writer._connection, _scope!.Transaction).GetAwaiter().GetResult();
            }
            finally
            {
                if (_scope != null) _scope.Open = false;
                _writer._scope.Value = previous;
            }
        }

        public override void Succeed() => _done.TrySetResult(_result);

        public override void Fail(Exception error) => _done.TrySetException(error);

        /// <summary>Blocks until committed or undone, runs the matching after-actions, returns or rethrows.</summary>
        public T Wait()
        {
            try
            {
                _done.Task.Wait();
            }
            catch (AggregateException)
            {
                // reported below with its original stack
            }
            return Finish();
        }

        public async Task<T> WaitAsync()
        {
            try { await _done.Task.ConfigureAwait(false); }
            catch { /* reported below with its original stack */ }
            return Finish();
        }

        private T Finish()
        {
            var task = _done.Task;
            if (task.IsCompletedSuccessfully)
            {
                RunAll(_scope?.AfterCommit);
                return task.Result;
            }
            RunAll(_scope?.AfterRollback);
            var error = task.Exception!.InnerExceptions.Count == 1 ? task.Exception.InnerException! : task.Exception;
            ExceptionDispatchInfo.Capture(error).Throw();
            return default!;
        }

        private static void RunAll(List<Action>? actions)
        {
            if (actions == null) return;
            foreach (var a in actions) a();
        }
    }
}
