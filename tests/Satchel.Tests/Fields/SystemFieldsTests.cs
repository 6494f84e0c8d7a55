using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Tests.Fields;

public class SystemFieldsTests
{
    private static readonly JsonSerializerOptions PbLike = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Auth_fields_match_the_fixture_superusers_collection()
    {
        var superusers = JsonNode.Parse(FixtureCollections.All.Single(c => c.Name == "_superusers").Fields)!.AsArray()
            .Select(f => f!.AsObject()).ToDictionary(f => f["name"]!.GetValue<string>());

        foreach (var field in SystemFields.AuthFields().Prepend(SystemFields.Id()))
        {
            var expected = superusers[field.Name];
            var actual = field.ToJsonObject();
            Assert.Equal(expected["id"]!.GetValue<string>(), field.Id);
            foreach (var key in new[] { "type", "system", "hidden", "required", "min", "max", "pattern", "primaryKey" })
            {
                if (!expected.ContainsKey(key)) continue;
                Assert.True(JsonNode.DeepEquals(expected[key], actual[key]), $"{field.Name}.{key}: {expected[key]} vs {actual[key]}");
            }
        }
        Assert.Equal(superusers["created"]["id"]!.GetValue<string>(), SystemFields.Created(system: true).Id);
        Assert.Equal(superusers["updated"]["id"]!.GetValue<string>(), SystemFields.Updated(system: true).Id);
    }

    [Fact]
    public void Created_and_updated_fields()
    {
        Assert.Equal(
            """{"hidden":false,"id":"autodate3332085495","name":"updated","onCreate":true,"onUpdate":true,"presentable":false,"system":true,"type":"autodate"}""",
            SystemFields.Updated(system: true).ToJsonObject().ToJsonString(PbLike));
        Assert.False(SystemFields.Created().OnUpdate);
    }

    [Fact]
    public void New_auth_token_keys_use_letters_and_digits()
    {
        var tokenKey = SystemFields.TokenKey();
        Assert.Equal("[a-zA-Z0-9]{50}", tokenKey.AutogeneratePattern);
        Assert.Null(tokenKey.ValidatePlainValue(tokenKey.Autogenerate()));
    }

    [Fact]
    public void Base_collections_get_an_id_field_first()
    {
        var collection = new Collection { Name = "posts", Fields = new FieldList([new TextField { Name = "title" }]) };
        SystemFields.EnsureDefaults(collection);
        Assert.Equal(new[] { "id", "title" }, collection.Fields.Select(f => f.Name));
        Assert.Equal("text3208210256", collection.Fields[0].Id);
    }

    [Fact]
    public void Auth_collections_get_the_auth_fields_and_their_flags_enforced()
    {
        var visibleToken = new TextField { Id = "tk", Name = "tokenKey", Hidden = false };
        var textEmail = new TextField { Id = "em", Name = "email" };
        var collection = new Collection { Name = "members", Type = CollectionType.Auth, Fields = new FieldList([visibleToken, textEmail]) };
        SystemFields.EnsureDefaults(collection);

        Assert.Equal(new[] { "id", "tokenKey", "email", "password", "emailVisibility", "verified" }, collection.Fields.Select(f => f.Name));
        Assert.True(visibleToken.Hidden && visibleToken.System && visibleToken.Required);
        var email = Assert.IsType<EmailField>(collection.Fields.ByName("email"));
        Assert.Equal("em", email.Id);
    }

    [Fact]
    public void View_collections_get_no_defaults()
    {
        var collection = new Collection { Name = "v", Type = CollectionType.View };
        SystemFields.EnsureDefaults(collection);
        Assert.Equal(0, collection.Fields.Count);
    }
}
