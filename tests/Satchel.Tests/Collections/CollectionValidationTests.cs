using System.Text.Json.Nodes;
using Satchel.Collections;
using Satchel.Errors;
using Satchel.Models;
using Satchel.Models.Fields;
using Satchel.Tests.Support;

namespace Satchel.Tests.Collections;

public class CollectionValidationTests : IDisposable
{
    private readonly TestApp _t = TestApp.Fresh();
    public void Dispose() => _t.Dispose();

    private static Collection Base(string name, params Field[] fields)
    {
        var c = CollectionDefaults.New(CollectionType.Base, name);
        foreach (var f in fields) c.Fields.Add(f);
        return c;
    }

    private IDictionary<string, object> Errors(Collection c)
        => Assert.Throws<CollectionValidationException>(() => _t.App.SaveCollection(c)).Data;

    private static string Code(IDictionary<string, object> data, params string[] path)
    {
        object node = data;
        foreach (var key in path) node = ((IDictionary<string, object>)node)[key];
        return (string)((IDictionary<string, object>)node)["code"];
    }

    [Fact]
    public void Name_is_required_well_formed_and_unique_ignoring_case()
    {
        Assert.Equal("validation_required", Code(Errors(Base("")), "name"));
        Assert.Equal("validation_match_invalid", Code(Errors(Base("bad name")), "name"));
        Assert.Equal("validation_collection_name_exists", Code(Errors(Base("USERS")), "name"));
        Assert.Equal("validation_collection_name_invalid", Code(Errors(Base("_params")), "name"));
    }

    [Fact]
    public void Auth_collections_reserve_password_confirmation_names()
    {
        var c = CollectionDefaults.New(CollectionType.Auth, "members");
        c.Fields.Add(FieldSettings.Make("text", "oldPassword"));
        var data = Errors(c);
        Assert.Equal("validation_reserved_field_name", Code(data, "fields", (c.Fields.Count - 1).ToString(), "name"));

        // a base collection may use them
        _t.App.SaveCollection(Base("plain", FieldSettings.Make("text", "oldPassword"), FieldSettings.Make("text", "passwordConfirm")));
    }

    [Fact]
    public void Duplicate_field_names_and_index_names_are_reported_at_their_position()
    {
        var c = Base("dups");
        c.Fields = new FieldList(c.Fields.Append(FieldSettings.Make("text", "a")).Append(FieldSettings.Make("number", "A")));
        Assert.Equal("validation_duplicated_field_name", Code(Errors(c), "fields", "2", "name"));

        var d = Base("idx", FieldSettings.Make("text", "a"));
        d.Indexes.Add("create index dup on idx (a)");
        d.Indexes.Add("create index DUP on idx (id)");
        Assert.Equal("validation_duplicated_index_name", Code(Errors(d), "indexes", "1"));
    }

    [Fact]
    public void Type_and_system_fields_cannot_change()
    {
        var c = Base("posts", FieldSettings.Make("text", "title"));
        _t.App.SaveCollection(c);

        var changedType = _t.App.FindCollectionByNameOrId("posts")!.Clone();
        changedType.Type = CollectionType.Auth;
        changedType.Auth = CollectionDefaults.NewAuthOptions();
        Assert.Equal("validation_collection_type_change", Code(Errors(changedType), "type"));

        var withoutSystemField = _t.App.FindCollectionByNameOrId("_otps")!.Clone();
        withoutSystemField.Fields = new FieldList(withoutSystemField.Fields.Where(f => f.Name != "sentTo"));
        Assert.Equal("validation_system_field_change", Code(Errors(withoutSystemField), "fields"));
    }

    [Fact]
    public void Rules_must_compile_against_the_collection()
    {
        var c = Base("ruled", FieldSettings.Make("text", "title"));
        c.ListRule = "missing = 1";
        Assert.Equal("validation_invalid_rule", Code(Errors(c), "listRule"));

        c.ListRule = "title = 'x' && @request.auth.id != ''";
        _t.App.SaveCollection(c);
    }

    [Fact]
    public void System_collection_rules_and_name_are_locked()
    {
        var mfas = _t.App.FindCollectionByNameOrId("_mfas")!.Clone();
        mfas.ListRule = "";
        mfas.Name = "mfas2";
        var data = Errors(mfas);
        Assert.Equal("validation_collection_system_rule_change", Code(data, "listRule"));
        Assert.Equal("validation_collection_system_name_change", Code(data, "name"));
    }

    [Fact]
    public void View_collections_refuse_write_rules_and_bad_queries()
    {
        var v = CollectionDefaults.New(CollectionType.View, "v1");
        v.ViewQuery = "select id from users";
        v.CreateRule = "";
        Assert.Equal("validation_nil", Code(Errors(v), "createRule"));

        var bad = CollectionDefaults.New(CollectionType.View, "v2");
        bad.ViewQuery = "select name from users";
        Assert.Equal("validation_invalid_view_query", Code(Errors(bad), "viewQuery"));

        var multi = CollectionDefaults.New(CollectionType.View, "v3");
        multi.ViewQuery = "select id from users; delete from users";
        Assert.Equal("validation_invalid_view_query", Code(Errors(multi), "viewQuery"));
    }

    [Fact]
    public void Auth_options_are_checked()
    {
        var c = CollectionDefaults.New(CollectionType.Auth, "members");
        c.Auth!.AuthToken.Duration = 5;
        c.Auth.FileToken.Secret = "short";
        c.Auth.PasswordAuth.IdentityFields = new List<string> { "email" };
        var data = Errors(c);
        Assert.Equal("validation_min_greater_equal_than_required", Code(data, "authToken", "duration"));
        Assert.Equal("validation_length_out_of_range", Code(data, "fileToken", "secret"));

        var d = CollectionDefaults.New(CollectionType.Auth, "members2");
        d.Fields.Add(FieldSettings.Make("text", "username"));
        d.Auth!.PasswordAuth.IdentityFields = new List<string> { "username" };
        Assert.Equal("validation_missing_unique_constraint", Code(Errors(d), "passwordAuth", "identityFields"));
    }

    [Fact]
    public void A_new_auth_collection_gets_its_system_fields_and_unique_indexes()
    {
        var c = CollectionDefaults.New(CollectionType.Auth, "members");
        c.Fields = new FieldList();
        c.Indexes.Clear();
        _t.App.SaveCollection(c);
        var saved = _t.App.FindCollectionByNameOrId("members")!;
        Assert.Equal(new[] { "id", "password", "tokenKey", "email", "emailVisibility", "verified" }, saved.Fields.Select(f => f.Name));
        Assert.NotNull(IndexDefinition.FindSingleColumnUnique(saved.Indexes, "tokenKey"));
        Assert.NotNull(IndexDefinition.FindSingleColumnUnique(saved.Indexes, "email"));
        Assert.StartsWith("pbc_", saved.Id);
    }
}
