using Dapper;
using Satchel.Errors;
using Satchel.Hooks;
using Satchel.Models;
using Satchel.Models.Fields;
using Satchel.Tests.Auth;
using Record = Satchel.Models.Record;

namespace Satchel.Tests.Records;

/// <summary>The saver in-process: model hooks around app.SaveRecord/DeleteRecord and their transactions.</summary>
public sealed class RecordSaverTests : IDisposable
{
    private readonly FixtureApp _fixture = new();
    private readonly List<string> _log = new();

    private IApp App => _fixture.App;

    public void Dispose() => _fixture.Dispose();

    private Record NewDemo2(string title)
    {
        var record = new Record(App.FindCollectionByNameOrId("demo2")!);
        record.Set("title", title);
        return record;
    }

    [Fact]
    public void Success_hooks_wait_for_the_outermost_commit()
    {
        App.Hooks.OnRecordCreateExecute.Bind(e => { e.Next(); _log.Add("execute"); });
        App.Hooks.OnRecordAfterCreateSuccess.Bind(e => { _log.Add($"success(inTransaction={App.Db.InTransaction})"); e.Next(); });
        App.Hooks.OnModelAfterCreateSuccess.Bind(e => { _log.Add("model success"); e.Next(); });

        var record = NewDemo2("in a transaction");
        App.RunInTransaction(() =>
        {
            App.SaveRecord(record);
            _log.Add("work done");
        });

        Assert.Equal(["execute", "work done", "success(inTransaction=False)", "model success"], _log);
        Assert.False(record.IsNew);
        Assert.NotNull(App.FindRecordById("demo2", record.Id));
    }

    [Fact]
    public void A_rolled_back_transaction_reports_the_save_as_failed()
    {
        App.Hooks.OnRecordAfterCreateSuccess.Bind(e => { _log.Add("success"); e.Next(); });
        App.Hooks.OnRecordAfterCreateError.Bind(e => { _log.Add("error: " + e.Error.Message); e.Next(); });

        var record = NewDemo2("rolled back");
        Assert.Throws<InvalidOperationException>(() => App.RunInTransaction(() =>
        {
            App.SaveRecord(record);
            throw new InvalidOperationException("later failure");
        }));

        Assert.Equal(["error: the transaction was rolled back"], _log);
        Assert.True(record.IsNew);
        Assert.Null(App.FindFirstRecordByData("demo2", "title", "rolled back"));
    }

    [Fact]
    public void Validation_errors_fire_the_error_hooks_and_leave_the_record_new()
    {
        Exception? reported = null;
        App.Hooks.OnModelAfterCreateError.Bind(e => { reported = e.Error; e.Next(); });
        var record = NewDemo2("");
        var e = Assert.Throws<ApiException>(() => App.SaveRecord(record));
        Assert.Equal(400, e.Status);
        Assert.Same(e, reported);
        Assert.True(record.IsNew);
    }

    [Fact]
    public void A_hook_that_skips_next_prevents_the_save()
    {
        App.Hooks.OnRecordCreate.Bind(_ => { });
        var record = NewDemo2("never saved");
        App.SaveRecord(record);
        Assert.Null(App.FindFirstRecordByData("demo2", "title", "never saved"));
    }

    [Fact]
    public void Passwords_are_hashed_and_a_change_renews_the_token_key()
    {
        var users = App.FindCollectionByNameOrId("users")!;
        var user = new Record(users);
        user.Set("email", "saver@example.com");
        user.Set("password", "first-password");
        App.SaveRecord(user);
        var firstKey = user.GetString("tokenKey");
        Assert.Matches("^[a-zA-Z0-9_]{50}$", firstKey);
        Assert.Equal("", ((PasswordValue)user.Get("password")!).Plain);

        var stored = App.FindRecordById("users", user.Id)!;
        stored.Set("password", "second-password");
        App.SaveRecord(stored);
        Assert.NotEqual(firstKey, stored.GetString("tokenKey"));
        var hash = App.Db.Read(c => c.ExecuteScalar<string>("SELECT password FROM users WHERE id = @id", new { id = user.Id }));
        Assert.True(BCrypt.Net.BCrypt.Verify("second-password", hash));

        stored.Set("name", "just a name");
        var key = stored.GetString("tokenKey");
        App.SaveRecord(stored);
        Assert.Equal(key, stored.GetString("tokenKey"));
    }

    [Fact]
    public void Auth_ids_are_unique_across_auth_collections()
    {
        var client = new Record(App.FindCollectionByNameOrId("clients")!);
        client.Id = Fixture.UserId;
        client.Set("email", "same-id@example.com");
        client.Set("password", "12345678");
        var e = Assert.Throws<ApiException>(() => App.SaveRecord(client));
        Assert.Contains("id", e.Data.Keys);
    }

    [Fact]
    public void Deletes_fire_their_hooks_and_cascade_inside_one_transaction()
    {
        App.Hooks.OnRecordDelete.Bind(e => { _log.Add("delete " + e.Record.Collection.Name); e.Next(); });
        App.Hooks.OnRecordAfterDeleteSuccess.Bind(e => { _log.Add("deleted " + e.Record.Id); e.Next(); });
        App.Hooks.OnRecordAfterUpdateSuccess.Bind(e => { _log.Add("unlinked " + e.Record.Id); e.Next(); });

        App.DeleteRecord(App.FindRecordById("demo3", "mk5fmymtx4wsprk")!);

        // mk5f goes, qzaq (emptied cascade relation) goes, i9na and qjeql lose their reference to qzaq
        Assert.Contains("delete demo3", _log);
        Assert.Contains("delete demo4", _log);
        Assert.Contains("deleted mk5fmymtx4wsprk", _log);
        Assert.Contains("deleted qzaqccwrmva4o1n", _log);
        Assert.Contains("unlinked i9naidtvr6qsgb4", _log);
        Assert.Contains("unlinked qjeql998mtp1azp", _log);
        Assert.Null(App.FindRecordById("demo4", "qzaqccwrmva4o1n"));
    }

    [Fact]
    public void A_required_reference_refuses_the_delete()
    {
        var e = Assert.Throws<Satchel.Records.RecordReferenceException>(() => App.DeleteRecord(App.FindRecordById("demo3", "lcl9d87w22ml6jy")!));
        Assert.Equal("demo4", e.Referencing.Collection.Name);
        Assert.NotNull(App.FindRecordById("demo3", "lcl9d87w22ml6jy"));
    }
}
