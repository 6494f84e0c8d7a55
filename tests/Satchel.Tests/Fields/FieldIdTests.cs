using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Tests.Fields;

public class FieldIdTests
{
    [Theory]
    [InlineData("text", "id", "text3208210256")]
    [InlineData("password", "password", "password901924565")]
    [InlineData("text", "tokenKey", "text2504183744")]
    [InlineData("email", "email", "email3885137012")]
    [InlineData("bool", "emailVisibility", "bool1547992806")]
    [InlineData("bool", "verified", "bool256245529")]
    [InlineData("autodate", "created", "autodate2990389176")]
    [InlineData("autodate", "updated", "autodate3332085495")]
    [InlineData("geoPoint", "point", "geoPoint3081106212")]
    [InlineData("text", "collectionRef", "text455797646")]
    public void Derived_ids_are_type_plus_crc32_of_the_name(string type, string name, string expected)
    {
        var field = FieldRegistry.Create(type)!;
        field.Name = name;
        field.EnsureId();
        Assert.Equal(expected, field.Id);
    }

    [Fact]
    public void Existing_ids_are_kept()
    {
        var field = new TextField { Id = "custom", Name = "id" };
        field.EnsureId();
        Assert.Equal("custom", field.Id);
    }

    [Fact]
    public void Derived_ids_are_made_unique_within_the_list()
    {
        var list = new FieldList([new TextField { Id = "text3208210256", Name = "other" }, new TextField { Id = "text32082102562", Name = "third" }]);
        var field = new TextField { Name = "id" };
        field.EnsureId(list);
        Assert.Equal("text32082102563", field.Id);
    }

    [Fact]
    public void Adding_a_field_without_id_gives_it_one_or_reuses_the_replaced_fields_id()
    {
        var list = new FieldList();
        list.Add(new TextField { Name = "title" });
        Assert.Equal(FieldIds.Base("text", "title"), list.ByName("title")!.Id);

        list.Add(new EditorField { Name = "title" });
        Assert.Single(list);
        Assert.IsType<EditorField>(list[0]);
        Assert.Equal(FieldIds.Base("text", "title"), list[0].Id);
    }
}
