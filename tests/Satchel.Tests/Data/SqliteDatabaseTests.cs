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

    [Fact]
    public void Concurrent_writes_commit_together_but_a_failing_one_is_undone_alone()
    {
        // Writers that queue up while one runs share its transaction; each is isolated by a savepoint.
        using var first = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocker = Task.Run(() => _db.Write((c, tx) =>
        {
            c.Execute("INSERT INTO t VALUES ('first')", transaction: tx);
            first.Set();
            release.Wait();
        }));
        first.Wait();
        var log = new System.Collections.Concurrent.ConcurrentBag<string>();
        var writers = Enumerable.Range(0, 20).Select(i => Task.Run(() => _db.Write((c, tx) =>
        {
            c.Execute("INSERT INTO t VALUES (@v)", new { v = "w" + i }, tx);
            _db.AfterCommit(() => log.Add("commit" + i));
            _db.AfterRollback(() => log.Add("rollback" + i));
            if (i % 5 == 0) throw new InvalidOperationException("fail " + i);
        }))).ToArray();
        Thread.Sleep(200); // let them queue behind the blocker
        release.Set();
        blocker.Wait();
        foreach (var (w, i) in writers.Select((w, i) => (w, i)))
        {
            if (i % 5 == 0) Assert.IsType<InvalidOperationException>(Assert.Throws<AggregateException>(() => w.Wait()).InnerException);
            else w.Wait();
        }

        var stored = _db.Read(c => c.Query<string>("SELECT v FROM t").ToHashSet());
        var expected = Enumerable.Range(0, 20).Where(i => i % 5 != 0).Select(i => "w" + i).Append("first").ToHashSet();
        Assert.Equal(expected, stored);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => i % 5 == 0 ? "rollback" + i : "commit" + i).Order(), log.Order());
    }

    [Fact]
    public void When_a_write_ends_the_shared_transaction_exactly_the_writes_reported_as_succeeded_are_stored()
    {
        // One writer rolls back the whole transaction behind the writer's back, as SQLite does on
        // some I/O errors: the writes sharing it must fail too, never report success for lost rows.
        var outcome = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        var all = Task.Run(() => Parallel.For(0, 60, new ParallelOptions { MaxDegreeOfParallelism = 16 }, i =>
        {
            var v = "w" + i;
            try
            {
                _db.Write((c, tx) =>
                {
                    c.Execute("INSERT INTO t VALUES (@v)", new { v }, tx);
                    if (i % 20 == 10) c.Execute("ROLLBACK", transaction: tx);
                });
                outcome[v] = true;
            }
            catch (Exception)
            {
                outcome[v] = false;
            }
        }));
        Assert.True(all.Wait(TimeSpan.FromSeconds(60)), "some writes never finished");

        var stored = _db.Read(c => c.Query<string>("SELECT v FROM t").ToHashSet());
        Assert.Equal(outcome.Where(o => o.Value).Select(o => o.Key).ToHashSet(), stored);
        Assert.False(outcome["w10"]);
        Assert.False(outcome["w30"]);
    }

    [Fact]
    public void Writes_queued_behind_a_lost_transaction_still_run()
    {
        // A writer holds the connection while ten writes queue up (each from its own thread, in
        // order); they then share one transaction, which the second of them ends: the first fails
        // with it, the rest run in a new one.
        using var holding = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var blocker = new Thread(() => _db.Write((c, tx) => { holding.Set(); release.Wait(); }));
        blocker.Start();
        holding.Wait();
        var failed = new bool[10];
        var threads = new List<Thread>();
        for (var i = 0; i < 10; i++)
        {
            var n = i;
            var thread = new Thread(() =>
            {
                try
                {
                    _db.Write((c, tx) =>
                    {
                        c.Execute("INSERT INTO t VALUES (@v)", new { v = "w" + n }, tx);
                        if (n == 1) c.Execute("ROLLBACK", transaction: tx);
                    });
                }
                catch (Exception) { failed[n] = true; }
            });
            thread.Start();
            threads.Add(thread);
            Thread.Sleep(30); // queued in this order
        }
        release.Set();

        Assert.All(threads.Append(blocker), t => Assert.True(t.Join(TimeSpan.FromSeconds(30)), "a write never finished"));
        Assert.Equal(new[] { true, true, false, false, false, false, false, false, false, false }, failed);
        Assert.Equal(Enumerable.Range(2, 8).Select(n => "w" + n), _db.Read(c => c.Query<string>("SELECT v FROM t ORDER BY rowid").ToArray()));
    }

    [Fact]
    public void A_write_runs_in_its_callers_execution_context()
    {
        var local = new AsyncLocal<string?> { Value = "caller" };
        string? seen = null;
        _db.Write((c, tx) => { seen = local.Value; });
        Assert.Equal("caller", seen);
    }

    [Fact]
    public void A_task_started_inside_a_write_does_not_join_it_once_it_ended()
    {
        Task? later = null;
        using var go = new ManualResetEventSlim();
        _db.Write((c, tx) =>
        {
            later = Task.Run(() => { go.Wait(); Assert.False(_db.InTransaction); _db.Write((c2, tx2) => c2.Execute("INSERT INTO t VALUES ('late')", transaction: tx2)); });
        });
        go.Set();
        later!.Wait();
        Assert.Equal(1, Count());
    }

    [Fact]
    public void Raw_statements_and_disposal_wait_for_the_queued_writes()
    {
        var writers = Enumerable.Range(0, 50).Select(i => Task.Run(() => _db.Write((c, tx) => c.Execute("INSERT INTO t VALUES (@v)", new { v = i.ToString() }, tx)))).ToArray();
        _db.ExecuteRaw("PRAGMA wal_checkpoint(PASSIVE);");
        Task.WaitAll(writers);
        _db.Dispose();
        Assert.Throws<ObjectDisposedException>(() => _db.Write((c, tx) => { }));
        using var reopened = new SqliteDatabase(Path.Combine(_dir, "data.db"));
        Assert.Equal(50, reopened.Read(c => c.ExecuteScalar<long>("SELECT count(*) FROM t")));
    }

    public void Dispose()
    {
        _db.Dispose();
        try { Directory.Delete(_dir, true); } catch { /* temp */ }
    }
}
