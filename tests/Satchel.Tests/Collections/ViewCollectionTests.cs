using Dapper;
using Satchel.Collections;
using Satchel.Collections.Views;
using Satchel.Models;
using Satchel.Tests.Support;

namespace Satchel.Tests.Collections;

public class ViewCollectionTests : IDisposable
{
    private readonly TestApp _t = TestApp.Fixture();
    public void Dispose() => _t.Dispose();

    private FieldList Infer(string query) => new ViewFieldInference(_t.App.Db, new CollectionStore(_t.App.Db)).CreateFields(query);

    [Fact]
    public void Columns_keep_their_source_field_types()
    {
        var fields = Infer("select demo1.id, demo1.text as title, demo1.rel_many, demo1.id as ref, count(demo1.id) as n, cast(1 as bool) as flag, 1+1 as calc from demo1");
        Assert.Equal(new[] { "id", "title", "rel_many", "ref", "n", "flag", "calc" }, fields.Select(f => f.Name));
        Assert.Equal(new[] { "text", "text", "relation", "relation", "number", "bool", "json" }, fields.Select(f => f.Type));
        Assert.Equal("text3208210256", fields[0].Id);
        Assert.True(FieldSettings.IsPrimaryKey(fields[0]));
        Assert.Equal("_pb_users_auth_", FieldSettings.GetString(fields[2], "collectionId"));
        Assert.Equal("wsmn24bux7wo113", FieldSettings.GetString(fields[3], "collectionId"));
        Assert.True(FieldSettings.GetBool(fields[4], "onlyInt"));
    }

    [Fact]
    public void Query_without_id_or_with_wildcard_is_refused()
    {
        Assert.Throws<ViewQueryException>(() => Infer("select text from demo1"));
        Assert.Throws<ViewQueryException>(() => Infer("select * from demo1"));
    }

    [Fact]
    public void Dry_run_samples_rows_and_rejects_repeated_ids_leaving_nothing_behind()
    {
        var dry = new ViewDryRun(_t.App.Db, new CollectionStore(_t.App.Db));
        var result = dry.Run("select (ROW_NUMBER() OVER()) as id, email from clients");
        Assert.Equal("1", result.Sample[0]["id"]!.GetValue<string>());
        Assert.Throws<ViewQueryException>(() => dry.Run("select 1 as id union all select 1 as id"));
        var temp = _t.App.Db.Read(c => c.ExecuteScalar<long>("SELECT count(*) FROM sqlite_master WHERE name LIKE '%temp%'"));
        Assert.Equal(0, temp);
    }

    [Fact]
    public void Saving_a_view_creates_it_with_inferred_fields_and_a_text_id()
    {
        var v = CollectionDefaults.New(CollectionType.View, "numbered");
        v.ViewQuery = "select (ROW_NUMBER() OVER()) as id, email from clients";
        _t.App.SaveCollection(v);
        var saved = _t.App.FindCollectionByNameOrId("numbered")!;
        Assert.Equal(new[] { "id", "email" }, saved.Fields.Select(f => f.Name));
        Assert.Equal("email", saved.Fields[1].Type);
        var idType = _t.App.Db.Read(c => c.ExecuteScalar<string>("SELECT typeof(id) FROM numbered LIMIT 1"));
        Assert.Equal("text", idType);
    }
}
