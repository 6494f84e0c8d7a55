using Dapper;
using Satchel.Data;

namespace Satchel.Tests.Data;

public sealed class SqliteDatabaseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("satchel-db-").FullName;
    private readonly SqliteDatabase _db;

    public SqliteDatabaseTests()
    {
        _db = new SqliteDatabase(Path.Combine(_dir, "data.db"));
        _db.Write((c, tx) => c.Execute("CREATE TABLE t (v TEXT)", transaction: tx));
    }

    private long Count() => _db.Read(c => c.ExecuteScalar<long>("SELECT count(*) FROM t"));

    [Fact]
    public void A_failed_write_rolls_back_everything_including_nested_writes()
    {
        Assert.Throws<InvalidOperationException>(() => _db.Write((c, tx) =>
        {
            c.Execute("INSERT INTO t VALUES ('a')", transaction: tx);
            _db.Write((c2, tx2) => c2.Execute("INSERT INTO t VALUES ('b')", transaction: tx2));
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal(0, Count());
    }

    [Fact]
    public void Reads_inside_a_write_see_its_uncommitted_rows_and_others_do_not()
    {
        long seenInside = -1, seenOutside = -1;
        _db.Write((c, tx) =>
        {
            c.Execute("INSERT INTO t VALUES ('a')", transaction: tx);
            seenInside = _db.Read(r => r.ExecuteScalar<long>("SELECT count(*) FROM t"));
            // Another request: a flow that does not inherit this one's transaction.
            using (ExecutionContext.SuppressFlow()) seenOutside = Task.Run(Count).Result;
        });
        Assert.Equal(1, seenInside);
        Assert.Equal(0, seenOutside);
    }

    [Fact]
    public void After_commit_actions_run_only_on_commit_and_after_rollback_only_on_rollback()
    {
        var log = new List<string>();
        _db.Write((c, tx) => { _db.AfterCommit(() => log.Add("commit1")); _db.AfterRollback(() => log.Add("rollback1")); });
        Assert.ThrowsAny<Exception>(() => _db.Write((c, tx) =>
        {
            _db.AfterCommit(() => log.Add("commit2"));
            _db.AfterRollback(() => log.Add("rollback2"));
            throw new Exception("x");
        }));
        Assert.Equal(new[] { "commit1", "rollback2" }, log);
    }

    [Fact]
    public async Task An_async_write_keeps_one_transaction_across_awaits_and_sync_writes_join_it()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() => _db.WriteAsync<int>(async (c, tx) =>
        {
            c.Execute("INSERT INTO t VALUES ('a')", transaction: tx);
            await Task.Delay(10);
            _db.Write((c2, tx2) => c2.Execute("INSERT INTO t VALUES ('b')", transaction: tx2));
            await Task.Yield();
            throw new InvalidOperationException("boom");
        }));
        Assert.Equal(0, Count());

        await _db.WriteAsync(async (c, tx) =>
        {
            await Task.Delay(1);
            return c.Execute("INSERT INTO t VALUES ('c')", transaction: tx);
        });
        Assert.Equal(1, Count());
    }

    [Fact]
    public void Concurrent_writers_are_serialised_without_busy_errors()
    {
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => _db.Write((c, tx) => c.Execute("INSERT INTO t VALUES (@v)", new { v = i.ToString() }, tx)));
        Assert.Equal(200, Count());
    }

    public void Dispose()
    {
        _db.Dispose();
        try { Directory.Delete(_dir, true); } catch { /* temp */ }
    }
}
