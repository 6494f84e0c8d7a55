using Satchel.Errors;
using Satchel.Models;
using Satchel.Models.Fields;

namespace Satchel.Tests.Fields;

public class FieldSettingsValidationTests
{
    private static readonly Collection Users = new() { Id = "_pb_users_auth_", Name = "users", Type = CollectionType.Auth };
    private static readonly Collection Report = new() { Id = "view_report", Name = "report", Type = CollectionType.View };

    private static ValidationErrors Check(Field field, Collection? owner = null, Collection? original = null)
    {
        if (field.Id == "") field.Id = "f1";
        if (field.Name == "") field.Name = "field";
        owner ??= new Collection { Id = "posts_id", Name = "posts", Fields = new FieldList([SystemFields.Id(), field]) };
        var stored = new[] { Users, Report };
        var ctx = new FieldSettingsContext(owner, key => stored.FirstOrDefault(c => c.Id == key || c.Name == key), original);
        var errors = new ValidationErrors();
        field.ValidateSettings(ctx, errors);
        return errors;
    }

    private static string Code(ValidationErrors errors, string key) => Assert.IsType<ValidationError>(errors.Items[key]).Code;

    [Fact]
    public void Valid_settings_have_no_errors()
    {
        Assert.True(Check(new TextField()).IsEmpty);
        Assert.True(Check(new TextField { Min = 2, Max = 0 }).IsEmpty); // 0 max = default limit
        Assert.True(Check(new NumberField { Min = 1, Max = 2 }).IsEmpty);
        Assert.True(Check(new SelectField { Values = ["a", "b"], MaxSelect = 2 }).IsEmpty);
        Assert.True(Check(new RelationField { CollectionId = Users.Id, MaxSelect = 5 }).IsEmpty);
        Assert.True(Check(new AutodateField { OnCreate = true }).IsEmpty);
        Assert.True(Check(new PasswordField { Min = 8, Cost = 10 }).IsEmpty);
        Assert.True(Check(new FileField { MaxSelect = 2, Thumbs = ["100x100", "0x50t"] }).IsEmpty);
        Assert.True(Check(new EmailField { OnlyDomains = ["example.com"] }).IsEmpty);
        foreach (var field in SystemFields.AuthFields())
            Assert.True(Check(field).IsEmpty, field.Name);
    }

    [Theory]
    [InlineData("", "validation_required")]
    [InlineData("has space", "validation_match_invalid")]
    [InlineData("naïve", "validation_match_invalid")]
    [InlineData("expand", "validation_not_in_invalid")]
    [InlineData("null", "validation_not_in_invalid")]
    [InlineData("a_via_b", "validation_found_via")]
    public void Name_rules(string name, string code)
    {
        var field = new BoolField { Id = "b", Name = name };
        var errors = new ValidationErrors();
        field.ValidateSettings(new FieldSettingsContext(new Collection(), _ => null), errors);
        Assert.Equal(code, Code(errors, "name"));
    }

    [Fact]
    public void Name_id_and_help_length_limits()
    {
        var errors = Check(new BoolField { Id = new string('i', 101), Name = new string('n', 101), Help = new string('h', 301) });
        Assert.Equal("validation_length_out_of_range", Code(errors, "id"));
        Assert.Equal("The length must be between 1 and 100.", ((ValidationError)errors.Items["name"]).Message);
        Assert.Equal("The length must be between 1 and 300.", ((ValidationError)errors.Items["help"]).Message);
    }

    [Fact]
    public void Text_settings_rules()
    {
        var errors = Check(new TextField { Min = -1, Max = 3, Pattern = "(invalid", AutogeneratePattern = "[a-z" });
        Assert.Equal("validation_min_greater_equal_than_required", Code(errors, "min"));
        Assert.Equal("validation_invalid_regex", Code(errors, "pattern"));
        Assert.Equal("Error parsing regexp: missing closing ): `(invalid`.", ((ValidationError)errors.Items["pattern"]).Message);
        Assert.Equal("validation_invalid_regex", Code(errors, "autogeneratePattern"));

        var maxBelowMin = Check(new TextField { Min = 5, Max = 3 });
        Assert.Equal("Must be no less than 5.", ((ValidationError)maxBelowMin.Items["max"]).Message);

        Assert.Equal("validation_invalid_regex", Code(Check(new TextField { Pattern = "(?=x)" }), "pattern"));
        Assert.Equal("validation_invalid_autogenerate_pattern_value", Code(Check(new TextField { Pattern = "^\\d+$", AutogeneratePattern = "[a-z]{3}" }), "autogeneratePattern"));
        Assert.Equal("validation_invalid_autogenerate_pattern", Code(Check(new TextField { AutogeneratePattern = "^[a-z]{3}" }), "autogeneratePattern"));
    }

    [Fact]
    public void Primary_key_settings_rules()
    {
        var errors = Check(new TextField { Name = "key", PrimaryKey = true, Hidden = true });
        Assert.Equal("validation_in_invalid", Code(errors, "name"));
        Assert.Equal("validation_required", Code(errors, "pattern"));
        Assert.Equal("validation_required", Code(errors, "required"));
        Assert.Equal("validation_empty", Code(errors, "hidden"));
        Assert.Equal("validation_unsupported_composite_pk", Code(errors, "primaryKey"));
    }

    [Fact]
    public void Number_settings_rules()
    {
        var errors = Check(new NumberField { Min = 1.5, Max = 1, OnlyInt = true });
        Assert.Equal("validation_only_int_constraint", Code(errors, "min"));
        Assert.Equal("validation_min_number_constraint", Code(Check(new NumberField { Min = 5, Max = 1 }), "max"));
    }

    [Fact]
    public void Domain_list_settings_rules()
    {
        var both = Check(new UrlField { OnlyDomains = ["a.com"], ExceptDomains = ["b.com"] });
        Assert.Equal("validation_empty", Code(both, "onlyDomains"));
        Assert.Equal("validation_empty", Code(both, "exceptDomains"));

        var invalid = Check(new EmailField { OnlyDomains = ["ok.com", "not a domain"] });
        var nested = Assert.IsType<ValidationErrors>(invalid.Items["onlyDomains"]);
        Assert.Equal("validation_is_domain", Code(nested, "1"));
        Assert.False(nested.Has("0"));
    }

    [Fact]
    public void Select_settings_rules()
    {
        Assert.Equal("validation_required", Code(Check(new SelectField()), "values"));
        var errors = Check(new SelectField { Values = ["a", "b"], MaxSelect = 3 });
        Assert.Equal("Must be no greater than 2.", ((ValidationError)errors.Items["maxSelect"]).Message);
        Assert.Equal("validation_min_greater_equal_than_required", Code(Check(new SelectField { Values = ["a"], MaxSelect = -1 }), "maxSelect"));
    }

    [Fact]
    public void Relation_settings_rules()
    {
        Assert.Equal("validation_required", Code(Check(new RelationField()), "collectionId"));
        Assert.Equal("validation_field_relation_missing_collection", Code(Check(new RelationField { CollectionId = "missing" }), "collectionId"));
        Assert.Equal("validation_field_relation_missing_collection", Code(Check(new RelationField { CollectionId = "users" }), "collectionId")); // a name is not an id
        Assert.Equal("validation_relation_field_non_view_base_collection", Code(Check(new RelationField { CollectionId = Report.Id }), "collectionId"));
        Assert.Equal("validation_required", Code(Check(new RelationField { CollectionId = Users.Id, MinSelect = 2 }), "maxSelect"));
        Assert.Equal("validation_min_greater_equal_than_required", Code(Check(new RelationField { CollectionId = Users.Id, MinSelect = 3, MaxSelect = 2 }), "maxSelect"));
        Assert.Equal("validation_min_greater_equal_than_required", Code(Check(new RelationField { CollectionId = Users.Id, MinSelect = -1 }), "minSelect"));

        var original = new Collection { Id = "posts_id", Name = "posts", Fields = new FieldList([new RelationField { Id = "rel", Name = "owner", CollectionId = "other" }]) };
        var changed = new RelationField { Id = "rel", Name = "owner", CollectionId = Users.Id };
        Assert.Equal("validation_field_relation_change", Code(Check(changed, original: original), "collectionId"));
    }

    [Fact]
    public void View_collections_may_relate_to_views()
    {
        var view = new Collection { Id = "v2", Name = "v2", Type = CollectionType.View };
        Assert.True(Check(new RelationField { CollectionId = Report.Id }, owner: view).IsEmpty);
    }

    [Fact]
    public void File_settings_rules()
    {
        var errors = Check(new FileField { MaxSelect = -1, MaxSize = -5, Thumbs = ["0x0", "big", "10x10"] });
        Assert.Equal("validation_min_greater_equal_than_required", Code(errors, "maxSelect"));
        Assert.Equal("validation_min_greater_equal_than_required", Code(errors, "maxSize"));
        var thumbs = Assert.IsType<ValidationErrors>(errors.Items["thumbs"]);
        Assert.Equal("validation_not_in_invalid", Code(thumbs, "0"));
        Assert.Equal("validation_match_invalid", Code(thumbs, "1"));
        Assert.False(thumbs.Has("2"));
    }

    [Fact]
    public void Size_settings_must_fit_a_json_number()
    {
        Assert.Equal("Must be no greater than 9007199254740991.", ((ValidationError)Check(new JsonField { MaxSize = 1L << 53 }).Items["maxSize"]).Message);
        Assert.Equal("validation_min_greater_equal_than_required", Code(Check(new EditorField { MaxSize = -1 }), "maxSize"));
    }

    [Fact]
    public void Autodate_settings_rules()
    {
        var neither = Check(new AutodateField());
        Assert.Equal("Either onCreate or onUpdate must be enabled.", ((ValidationError)neither.Items["onCreate"]).Message);
        Assert.Equal("validation_required", Code(neither, "onUpdate"));

        var original = new Collection { Fields = new FieldList([SystemFields.Updated(system: true)]) };
        var changed = SystemFields.Updated(system: true);
        changed.OnUpdate = false;
        Assert.Equal("validation_values_mismatch", Code(Check(changed, original: original), "onUpdate"));
    }

    [Fact]
    public void Password_settings_rules()
    {
        var errors = Check(new PasswordField { Min = 80, Max = 5, Cost = 2, Pattern = "[" });
        Assert.Equal("validation_max_less_equal_than_required", Code(errors, "min"));
        Assert.Equal("validation_min_greater_equal_than_required", Code(errors, "max"));
        Assert.Equal("validation_min_greater_equal_than_required", Code(errors, "cost"));
        Assert.Equal("validation_invalid_regex", Code(errors, "pattern"));
    }
}
