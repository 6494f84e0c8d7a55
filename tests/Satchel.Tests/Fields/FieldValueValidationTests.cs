using System.Text.Json.Nodes;
using Satchel.Errors;
using Satchel.Models;
using Satchel.Models.Fields;
using Record = Satchel.Models.Record;

namespace Satchel.Tests.Fields;

public class FieldValueValidationTests
{
    private static Record RecordFor(params Field[] fields) => new(new Collection { Name = "t", Fields = new FieldList(fields) });

    private static ValidationError? Validate(Field field, object? raw)
    {
        field.Name = field.Name == "" ? "f" : field.Name;
        return field.ValidateValue(RecordFor(field), field.Normalize(raw));
    }

    private static void AssertError(string code, string message, ValidationError? error)
    {
        Assert.NotNull(error);
        Assert.Equal(code, error.Code);
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Text_rules()
    {
        Assert.Null(Validate(new TextField(), ""));
        AssertError("validation_required", "Cannot be blank.", Validate(new TextField { Required = true }, ""));
        AssertError("validation_min_text_constraint", "Must be at least 3 character(s).", Validate(new TextField { Min = 3 }, "ab"));
        Assert.Null(Validate(new TextField { Min = 3 }, "äöü")); // characters, not bytes
        AssertError("validation_max_text_constraint", "Must be no more than 2 character(s).", Validate(new TextField { Max = 2 }, "abc"));
        AssertError("validation_max_text_constraint", "Must be no more than 5000 character(s).", Validate(new TextField(), new string('a', 5001)));
        AssertError("validation_invalid_format", "Invalid value format.", Validate(new TextField { Pattern = "^[a-z]+$" }, "abc1"));
        Assert.Null(Validate(new TextField { Pattern = "\\d" }, "a1b")); // unanchored search like Go
        var min = Validate(new TextField { Min = 3 }, "ab");
        Assert.Equal(3, min!.Params!["min"]);
    }

    [Fact]
    public void Patterns_use_ascii_classes_and_an_end_anchor_without_final_newline()
    {
        AssertError("validation_invalid_format", "Invalid value format.", Validate(new TextField { Pattern = "^\\w+$" }, "héllo"));
        AssertError("validation_invalid_format", "Invalid value format.", Validate(new TextField { Pattern = "^[a-z]+$" }, "abc\n"));
        Assert.Null(Validate(new TextField { Pattern = "^(?P<word>[a-z]+)$" }, "abc"));
    }

    [Fact]
    public void Primary_key_rules()
    {
        var id = SystemFields.Id();
        AssertError("validation_required", "Cannot be blank.", Validate(id, ""));
        AssertError("validation_max_text_constraint", "Must be no more than 15 character(s).", Validate(SystemFields.Id(), "1234567890123456"));

        var custom = new TextField { Name = "id", PrimaryKey = true, Required = true, Pattern = "^.+$" };
        AssertError("validation_forbidden_pk_character", "'/' is not a valid primary key character.", Validate(custom, "a/b"));
        AssertError("validation_reserved_pk", "The primary key 'NUL' is reserved and cannot be used.", Validate(custom, "nul"));
    }

    [Fact]
    public void Primary_key_cannot_change_on_a_saved_record()
    {
        var id = SystemFields.Id();
        var record = RecordFor(id);
        record.Set("id", "abcdefghijklmno");
        record.MarkAsPersisted();
        AssertError("validation_pk_change", "The record primary key cannot be changed.", id.ValidateValue(record, "xxxxxxxxxxxxxxx"));
        // an existing id is accepted as is, even if it would not pass today's rules
        record.Set("id", "legacy");
        record.MarkAsPersisted();
        Assert.Null(id.ValidateValue(record, "legacy"));
    }

    [Fact]
    public void Number_rules()
    {
        Assert.Null(Validate(new NumberField { Min = 5 }, 0)); // zero is blank and only checked by required
        AssertError("validation_required", "Cannot be blank.", Validate(new NumberField { Required = true }, 0));
        AssertError("validation_not_a_number", "The submitted number is not properly formatted.", Validate(new NumberField(), "NaN"));
        AssertError("validation_only_int_constraint", "Decimal numbers are not allowed.", Validate(new NumberField { OnlyInt = true }, 1.5));
        AssertError("validation_min_number_constraint", "Must be greater or equal than 2.5.", Validate(new NumberField { Min = 2.5 }, 1));
        AssertError("validation_max_number_constraint", "Must be less or equal than 10.", Validate(new NumberField { Max = 10 }, 11));
        AssertError("validation_max_number_constraint", "Must be less or equal than 1e+06.", Validate(new NumberField { Max = 1000000 }, 2000000));
        Assert.Null(Validate(new NumberField { Min = -1, Max = 1, OnlyInt = true }, 1));
    }

    [Fact]
    public void Bool_required_means_true()
    {
        AssertError("validation_required", "Cannot be blank.", Validate(new BoolField { Required = true }, false));
        Assert.Null(Validate(new BoolField { Required = true }, true));
        Assert.Null(Validate(new BoolField(), false));
    }

    [Fact]
    public void Email_rules()
    {
        Assert.Null(Validate(new EmailField(), ""));
        AssertError("validation_required", "Cannot be blank.", Validate(new EmailField { Required = true }, ""));
        AssertError("validation_is_email", "Must be a valid email address.", Validate(new EmailField(), "not-an-email"));
        AssertError("validation_is_email", "Must be a valid email address.", Validate(new EmailField(), "a@b"));
        Assert.Null(Validate(new EmailField(), "test.user+tag@example.com"));
        AssertError("validation_email_domain_not_allowed", "Email domain is not allowed.", Validate(new EmailField { OnlyDomains = ["example.com"] }, "a@other.com"));
        AssertError("validation_email_domain_not_allowed", "Email domain is not allowed.", Validate(new EmailField { ExceptDomains = ["example.com"] }, "a@example.com"));
        Assert.Null(Validate(new EmailField { OnlyDomains = ["example.com"] }, "a@example.com"));
    }

    [Fact]
    public void Url_rules()
    {
        Assert.Null(Validate(new UrlField(), ""));
        AssertError("validation_invalid_url", "Must be a valid url.", Validate(new UrlField(), "not a url"));
        AssertError("validation_invalid_url", "Must be a valid url.", Validate(new UrlField(), "javascript:alert(1)"));
        Assert.Null(Validate(new UrlField(), "https://example.com/path?q=1"));
        Assert.Null(Validate(new UrlField(), "http://localhost:8090"));
        AssertError("validation_url_domain_not_allowed", "Url domain is not allowed.", Validate(new UrlField { OnlyDomains = ["example.com"] }, "https://other.com"));
        AssertError("validation_url_domain_not_allowed", "Url domain is not allowed.", Validate(new UrlField { ExceptDomains = ["example.com"] }, "https://example.com/x"));
        // without a scheme there is no host to compare with an allow list
        AssertError("validation_url_domain_not_allowed", "Url domain is not allowed.", Validate(new UrlField { OnlyDomains = ["example.com"] }, "example.com/x"));
    }

    [Fact]
    public void Editor_size_limit()
    {
        AssertError("validation_content_size_limit", "The maximum allowed content size is 4 bytes.", Validate(new EditorField { MaxSize = 4 }, "ééé"));
        Assert.Null(Validate(new EditorField { MaxSize = 6 }, "ééé"));
        AssertError("validation_required", "Cannot be blank.", Validate(new EditorField { Required = true }, ""));
    }

    [Fact]
    public void Date_rules()
    {
        var field = new DateField { Min = "2020-01-01 00:00:00.000Z", Max = "2030-06-01 12:30:00.250Z" };
        Assert.Null(Validate(field, ""));
        AssertError("validation_required", "Cannot be blank.", Validate(new DateField { Required = true }, "garbage"));
        var early = Validate(field, "2010-01-01");
        AssertError("validation_min_greater_equal_than_required", "Must be no less than 2020-01-01 00:00:00 +0000 UTC.", early);
        Assert.Equal("2020-01-01T00:00:00Z", early!.Params!["threshold"]);
        AssertError("validation_max_less_equal_than_required", "Must be no greater than 2030-06-01 12:30:00.25 +0000 UTC.", Validate(field, "2040-01-01"));
        Assert.Null(Validate(field, "2020-01-01 00:00:00.000Z"));
    }

    [Fact]
    public void Select_rules()
    {
        var field = new SelectField { Values = ["a", "b", "c"], MaxSelect = 2 };
        AssertError("validation_required", "Cannot be blank.", Validate(new SelectField { Values = ["a"], Required = true }, ""));
        AssertError("validation_too_many_values", "Select no more than 2.", Validate(field, new[] { "a", "b", "c" }));
        AssertError("validation_invalid_value", "Invalid value d.", Validate(field, new[] { "a", "d" }));
        Assert.Null(Validate(field, new[] { "a", "b" }));
        // a raw list given to a single select is checked as given
        AssertError("validation_too_many_values", "Select no more than 1.", new SelectField { Name = "s", Values = ["a", "b"] }.ValidateValue(RecordFor(), new List<string> { "a", "b" }));
    }

    [Fact]
    public void Relation_count_rules()
    {
        var field = new RelationField { MinSelect = 2, MaxSelect = 3 };
        AssertError("validation_required", "Cannot be blank.", Validate(new RelationField { Required = true }, ""));
        AssertError("validation_not_enough_values", "Select at least 2.", Validate(field, new[] { "a" }));
        AssertError("validation_too_many_values", "Select no more than 3.", Validate(field, new[] { "a", "b", "c", "d" }));
        Assert.Null(Validate(field, new[] { "a", "b" }));
    }

    [Fact]
    public void File_count_rules()
    {
        AssertError("validation_required", "Cannot be blank.", Validate(new FileField { Required = true }, ""));
        AssertError("validation_too_many_files", "The maximum allowed files is 2.", Validate(new FileField { MaxSelect = 2 }, new[] { "a.txt", "b.txt", "c.txt" }));
        Assert.Null(Validate(new FileField { MaxSelect = 2 }, new[] { "a.txt", "b.txt" }));
    }

    [Fact]
    public void Json_rules()
    {
        AssertError("validation_json_size_limit", "The maximum allowed JSON size is 5 bytes.", Validate(new JsonField { MaxSize = 5 }, "[1,2,3]"));
        foreach (var blank in new[] { "null", "\"\"", "[]", "{}", "" })
            AssertError("validation_required", "Cannot be blank.", Validate(new JsonField { Required = true }, blank));
        Assert.Null(Validate(new JsonField { Required = true }, "0"));
        Assert.Null(Validate(new JsonField { Required = true }, JsonNode.Parse("{\"a\":1}")));
    }

    [Fact]
    public void Password_rules()
    {
        var field = new PasswordField { Min = 8, Required = true, Pattern = "\\d" };
        AssertError("validation_required", "Cannot be blank.", Validate(field, ""));
        AssertError("validation_min_text_constraint", "Must be at least 8 character(s).", Validate(field, "short1"));
        AssertError("validation_max_text_constraint", "Must be less than 71 character(s).", Validate(field, new string('a', 71) + "1"));
        AssertError("validation_invalid_format", "Invalid value format.", Validate(field, "longenough"));
        Assert.Null(Validate(field, "longenough1"));
        // a stored hash satisfies required without a new plain password
        Assert.Null(field.ValidateValue(RecordFor(field), new PasswordValue(Hash: "$2a$10$x")));
    }

    [Fact]
    public void Geo_point_rules()
    {
        AssertError("validation_required", "Cannot be blank.", Validate(new GeoPointField { Required = true }, new GeoPoint()));
        AssertError("validation_invalid_latitude", "Latitude must be between -90 and 90 degrees.", Validate(new GeoPointField(), new GeoPoint(0, 91)));
        AssertError("validation_invalid_longitude", "Longitude must be between -180 and 180 degrees.", Validate(new GeoPointField(), new GeoPoint(-181, 0)));
        Assert.Null(Validate(new GeoPointField { Required = true }, new GeoPoint(10, 20)));
    }

    [Fact]
    public void Autodate_values_are_not_validated()
    {
        Assert.Null(Validate(new AutodateField { OnCreate = true }, ""));
    }

    [Fact]
    public void Error_data_carries_the_message_parameters()
    {
        var errors = new ValidationErrors().Add("title", FieldErrors.MinText(3)).Add("name", FieldErrors.Required());
        var data = errors.ToData();
        var title = (IDictionary<string, object>)data["title"];
        Assert.Equal(3, ((IDictionary<string, object?>)title["params"])["min"]);
        Assert.False(((IDictionary<string, object>)data["name"]).ContainsKey("params"));
    }
}
