using System.Text.Json.Nodes;
using static Satchel.Tests.Records.Fixture;

namespace Satchel.Tests.Records;

/// <summary>POST /api/collections/{c}/records: bodies, ids, defaults, modifiers, create rules and validation.</summary>
public class RecordCreateTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private readonly RecordsApi _api = server.Api;

    [Fact]
    public async Task Guest_creates_in_a_public_collection_with_generated_id_and_dates()
    {
        var answer = await _api.Post(List("demo2"), new { title = "created by guest" });
        Assert.Equal(200, answer.Status);
        Assert.Matches("^[a-z0-9]{15}$", answer.Str("id"));
        Assert.Equal("created by guest", answer.Str("title"));
        Assert.False(answer.Json["active"]!.GetValue<bool>());
        Assert.Matches(@"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z$", answer.Str("created"));
        Assert.Equal(answer.Str("created"), answer.Str("updated"));

        var stored = await _api.Get(One("demo2", answer.Str("id")!));
        Assert.Equal("created by guest", stored.Str("title"));
    }

    [Fact]
    public async Task Missing_values_take_each_field_type_zero_value()
    {
        var answer = await _api.Post(List("demo1"), new { }, Superuser);
        Assert.Equal(200, answer.Status);
        var r = answer.Json;
        Assert.Equal("", r["text"]!.GetValue<string>());
        Assert.False(r["bool"]!.GetValue<bool>());
        Assert.Equal(0, r["number"]!.GetValue<double>());
        Assert.Equal("", r["select_one"]!.GetValue<string>());
        Assert.Empty(r["select_many"]!.AsArray());
        Assert.Empty(r["rel_many"]!.AsArray());
        Assert.Null(r["json"]);
        Assert.True(r.ContainsKey("json"));
        Assert.Equal(0, r["point"]!["lon"]!.GetValue<double>());
        Assert.Equal("", r["datetime"]!.GetValue<string>());
    }

    [Fact]
    public async Task Client_ids_are_kept_and_validated()
    {
        var created = await _api.Post(List("demo3"), new { id = "abcde1234567890", title = "custom id" }, Client);
        Assert.Equal(200, created.Status);
        Assert.Equal("abcde1234567890", created.Str("id"));

        // an id used in another (non-auth) collection is fine
        Assert.Equal(200, (await _api.Post(List("demo3"), new { id = "0yxhwia2amd8gec", title = "x" }, Client)).Status);

        var again = await _api.Post(List("demo3"), new { id = "abcde1234567890", title = "again" }, Client);
        Assert.Equal(400, again.Status);
        Assert.Equal("validation_invalid_or_existing_id", again.ErrorCode("id"));

        Assert.Equal("validation_max_text_constraint", (await _api.Post(List("demo3"), new { id = "1234567890123456" }, Client)).ErrorCode("id"));
        Assert.Equal("validation_invalid_format", (await _api.Post(List("demo3"), new { id = "ABCDE1234567890" }, Client)).ErrorCode("id"));
    }

    [Fact]
    public async Task Field_validation_errors_come_back_per_field()
    {
        var blank = await _api.Post(List("demo2"), new { });
        Assert.Equal(400, blank.Status);
        Assert.Equal("Failed to create record.", blank.Str("message"));
        Assert.Equal("validation_required", blank.ErrorCode("title"));

        var unique = await _api.Post(List("demo2"), new { title = "test2" });
        Assert.Equal("validation_not_unique", unique.ErrorCode("title"));

        var many = await _api.Post(List("demo1"), new { select_one = "nope", email = "not-an-email", rel_one = "missing", number = "x" }, Superuser);
        Assert.Equal(400, many.Status);
        Assert.Equal("validation_invalid_value", many.ErrorCode("select_one"));
        Assert.Equal("validation_is_email", many.ErrorCode("email"));
        Assert.Equal("validation_missing_rel_records", many.ErrorCode("rel_one"));
    }

    [Fact]
    public async Task Multipart_and_json_payload_bodies()
    {
        var form = await _api.Post(List("demo2"), RecordsApi.Form(("title", "from a form"), ("active", "true")));
        Assert.Equal(200, form.Status);
        Assert.True(form.Json["active"]!.GetValue<bool>());

        var payload = await _api.Post(List("demo2"), RecordsApi.Form(("@jsonPayload", """{"title":"from a payload","active":true}""")));
        Assert.Equal(200, payload.Status);
        Assert.Equal("from a payload", payload.Str("title"));

        var multi = await _api.Post(List("demo1"), RecordsApi.Form(("select_many", "optionA"), ("select_many", "optionC")), Superuser);
        Assert.Equal(["optionA", "optionC"], multi.Json["select_many"]!.AsArray().Select(v => v!.GetValue<string>()).ToList());
    }

    [Fact]
    public async Task Invalid_json_is_400()
    {
        var answer = await _api.Post(List("demo2"), "{\"title\":");
        Assert.Equal(400, answer.Status);
        Assert.Empty(answer.Json["data"]!.AsObject());
    }

    [Fact]
    public async Task Modifiers_resolve_before_the_create_rule_sees_the_body()
    {
        // demo5 createRule: "@request.body.total = 3"
        var sum = await _api.Post(List("demo5"), new Dictionary<string, object> { ["total+"] = 4, ["total-"] = 1 });
        Assert.Equal(200, sum.Status);
        Assert.Equal(3, sum.Json["total"]!.GetValue<double>());

        var refused = await _api.Post(List("demo5"), new { total = 2 });
        Assert.Equal(400, refused.Status);
        Assert.Equal("Failed to create record.", refused.Str("message"));
        Assert.Empty(refused.Json["data"]!.AsObject());

        var lists = await _api.Post(List("demo5"), new Dictionary<string, object>
        {
            ["total"] = 3,
            ["select_many"] = new[] { "a", "b" },
            ["select_many+"] = "c",
            ["+select_many"] = new[] { "d" },
            ["select_many-"] = "b",
        });
        Assert.Equal(200, lists.Status);
        Assert.Equal(["d", "a", "c"], lists.Json["select_many"]!.AsArray().Select(v => v!.GetValue<string>()).ToList());
    }

    [Fact]
    public async Task Autogenerate_modifier_appends_a_generated_value()
    {
        var answer = await _api.Post(List("users"), new Dictionary<string, object>
        {
            ["username:autogenerate"] = "auto_",
            ["password"] = "12345678",
            ["passwordConfirm"] = "12345678",
        });
        Assert.Equal(200, answer.Status);
        Assert.Matches("^auto_users[0-9]{5}$", answer.Str("username"));
    }

    [Fact]
    public async Task Engine_managed_values_are_not_taken_from_the_body()
    {
        var answer = await _api.Post(List("demo2"), new { title = "dates ignored", created = "2000-01-01 00:00:00.000Z", updated = "2000-01-01 00:00:00.000Z" });
        Assert.Equal(200, answer.Status);
        Assert.StartsWith("20", answer.Str("created"));
        Assert.DoesNotContain("2000-01-01", answer.Str("created"));
    }

    [Fact]
    public async Task Locked_and_unsatisfied_create_rules()
    {
        Assert.Equal(403, (await _api.Post(List("demo1"), new { text = "x" })).Status);
        Assert.Equal(403, (await _api.Post(List("demo1"), new { text = "x" }, User)).Status);

        // demo3: any auth record but "users"
        var refused = await _api.Post(List("demo3"), new { title = "by a user" }, User);
        Assert.Equal(400, refused.Status);
        Assert.Empty(refused.Json["data"]!.AsObject());
        Assert.Equal(200, (await _api.Post(List("demo3"), new { title = "by a client" }, Client)).Status);
    }

    [Fact]
    public async Task View_collections_cannot_be_written()
    {
        var answer = await _api.Post(List("view1"), new { text = "new" }, Superuser);
        Assert.Equal(400, answer.Status);
        Assert.Equal("Unsupported collection type.", answer.Str("message"));
    }

    [Fact]
    public async Task Superuser_create_answers_with_the_requested_expand()
    {
        var answer = await _api.Post(List("demo4", "expand=missing,rel_one_no_cascade,rel_many_no_cascade_required"), new
        {
            title = "with relations",
            rel_one_no_cascade = "mk5fmymtx4wsprk",
            rel_one_no_cascade_required = "7nwo8tuiatetxdm",
            rel_many_no_cascade_required = new[] { "7nwo8tuiatetxdm", "lcl9d87w22ml6jy" },
        }, Superuser);
        Assert.Equal(200, answer.Status);
        Assert.Equal("mk5fmymtx4wsprk", answer.Json["expand"]!["rel_one_no_cascade"]!["id"]!.GetValue<string>());
        Assert.Equal(2, answer.Json["expand"]!["rel_many_no_cascade_required"]!.AsArray().Count);
        Assert.False(answer.Json["expand"]!.AsObject().ContainsKey("missing"));
    }

    [Fact]
    public async Task Hidden_fields_are_written_and_shown_for_superusers_only()
    {
        var created = await _api.Post(List("_otps"), new
        {
            collectionRef = "_pb_users_auth_",
            recordRef = UserId,
            password = "otp-password-1",
            sentTo = "test@example.com",
        }, Superuser);
        Assert.Equal(200, created.Status);
        Assert.Equal("test@example.com", created.Str("sentTo"));
        Assert.Equal("", created.Str("password")); // never the plain text or the hash

        // the owner may view its OTP, without the hidden field
        var owned = await _api.Get(One("_otps", created.Str("id")!), User);
        Assert.Equal(200, owned.Status);
        Assert.False(owned.Json.ContainsKey("sentTo"));
    }

    [Fact]
    public async Task Create_rules_see_the_new_record_with_its_relations()
    {
        var collection = await _api.Post("/api/collections", new
        {
            name = "owned_notes",
            type = "base",
            createRule = "author = @request.auth.id && author.verified = false && @request.body.title:isset = true",
            listRule = "",
            viewRule = "",
            fields = new object[]
            {
                new { name = "title", type = "text" },
                new { name = "author", type = "relation", collectionId = "_pb_users_auth_", maxSelect = 1 },
            },
        }, Superuser);
        Assert.True(collection.Status == 200, collection.ToString());

        Assert.Equal(200, (await _api.Post(List("owned_notes"), new { title = "mine", author = UserId }, User)).Status);
        // someone else as author, or no title submitted, fails the rule
        Assert.Equal(400, (await _api.Post(List("owned_notes"), new { title = "theirs", author = "oap640cot4yru2s" }, User)).Status);
        Assert.Equal(400, (await _api.Post(List("owned_notes"), new { author = UserId }, User)).Status);
        Assert.Equal(400, (await _api.Post(List("owned_notes"), new { title = "guest", author = UserId })).Status);
    }
}
