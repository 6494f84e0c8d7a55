using System.Data;

namespace Satchel.Data;

/// <summary>
/// One SQLite database file. Reads come from a pool of connections; every write goes through
/// a single serialised writer connection inside a transaction. A read issued while the current
/// flow is inside <see cref="Write{T}"/> runs on the writer, so it sees the uncommitted changes.
/// Use Dapper on the connection; always pass user values as parameters.
/// </summary>
public interface IDatabase
{
    T Read<T>(Func<IDbConnection, T> query);

    /// <summary>
    /// Runs <paramref name="work"/> in a transaction on the writer connection, committing when it
    /// returns and rolling back when it throws. Nested calls join the outer transaction.
    /// </summary>
    T Write<T>(Func<IDbConnection, IDbTransaction, T> work);

    /// <summary>
    /// The async form of <see cref="Write{T}"/>: the transaction stays open across awaits (e.g. a batch
    /// request running several handlers); every write issued inside the flow joins it.
    /// </summary>
    Task<T> WriteAsync<T>(Func<IDbConnection, IDbTransaction, Task<T>> work);

    void Write(Action<IDbConnection, IDbTransaction> work) => Write<object?>((c, t) => { work(c, t); return null; });

    /// <summary>True while the current flow runs inside <see cref="Write{T}"/>.</summary>
    bool InTransaction { get; }

    /// <summary>Runs after the outermost transaction commits (never on rollback); at once when none is open.</summary>
    void AfterCommit(Action action);

    /// <summary>Runs after the outermost transaction rolls back; dropped on commit.</summary>
    void AfterRollback(Action action);
}
