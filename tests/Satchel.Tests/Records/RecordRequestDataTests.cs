using System.Text.Json.Nodes;
using Satchel.Models;
using Record = Satchel.Models.Record;
using Satchel.Models.Fields;
using Satchel.Records;

namespace Satchel.Tests.Records;

/// <summary>How submitted bodies are resolved before rules and the record see them.</summary>
public class RecordRequestDataTests
{
    private static Collection Auth()
    {
        var c = new Collection { Id = "u1", Name = "members", Type = CollectionType.Auth, Auth = new AuthOptions() };
        c.Fields.Add(SystemFields.Id());
        foreach (var f in SystemFields.AuthFields()) c.Fields.Add(f);
        c.Fields.Add(new NumberField { Name = "score" });
        c.Fields.Add(new TextField { Name = "secret", Hidden = true });
        c.Fields.Add(SystemFields.Created());
        return c;
    }

    [Fact]
    public void Modifiers_become_the_resulting_value_under_the_field_name()
    {
        var record = new Record(Auth());
        record.Set("score", 10);
        var data = RecordRequestData.Resolve(record, JsonNode.Parse("""{"score+": 5, "score-": 1, "other": "kept"}""")!.AsObject(), isSuperuser: false);

        Assert.Equal(14, ((JsonValue)data["score"]!).GetValue<double>());
        Assert.False(data.ContainsKey("score+"));
        Assert.Equal("kept", ((JsonValue)data["other"]!).GetValue<string>());
        Assert.Equal(10, record.GetNumber("score")); // the record itself is untouched
    }

    [Fact]
    public void Hidden_fields_are_dropped_for_non_superusers_but_the_password_stays()
    {
        var body = JsonNode.Parse("""{"secret": "s", "password": "p4ssword", "passwordConfirm": "p4ssword", "tokenKey": "mine"}""")!.AsObject();
        var guest = RecordRequestData.Resolve(new Record(Auth()), body, isSuperuser: false);
        Assert.False(guest.ContainsKey("secret"));
        Assert.Equal("p4ssword", ((JsonValue)guest["password"]!).GetValue<string>());
        Assert.True(guest.ContainsKey("passwordConfirm"));
        Assert.False(guest.ContainsKey("tokenKey"));

        var superuser = RecordRequestData.Resolve(new Record(Auth()), body, isSuperuser: true);
        Assert.Equal("s", ((JsonValue)superuser["secret"]!).GetValue<string>());
        Assert.False(superuser.ContainsKey("tokenKey"));
    }

    [Fact]
    public void Autodate_values_are_not_taken_from_the_body()
    {
        var record = new Record(Auth());
        var data = RecordRequestData.Resolve(record, JsonNode.Parse("""{"created": "2000-01-01 00:00:00.000Z"}""")!.AsObject(), isSuperuser: true);
        Assert.Equal("", ((JsonValue)data["created"]!).GetValue<string>());
    }
}
