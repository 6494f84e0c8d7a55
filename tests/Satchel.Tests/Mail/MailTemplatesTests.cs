using Satchel.Mail;
using Satchel.Models;
using Satchel.Models.Fields;
using Satchel.Settings;
using Record = Satchel.Models.Record;

namespace Satchel.Tests.Mail;

/// <summary>Placeholders of the collection email templates and how their values are escaped.</summary>
public sealed class MailTemplatesTests
{
    private static Collection Users()
    {
        var c = new Collection { Id = "pbc_users", Name = "users", Type = CollectionType.Auth, Auth = new AuthOptions() };
        c.Fields.Add(new TextField { Name = "id" });
        c.Fields.Add(new EmailField { Name = "email" });
        c.Fields.Add(new TextField { Name = "name" });
        c.Fields.Add(new NumberField { Name = "age" });
        c.Fields.Add(new BoolField { Name = "vip" });
        c.Fields.Add(new DateField { Name = "birthday" });
        c.Fields.Add(new TextField { Name = "secretNote", Hidden = true });
        c.Fields.Add(new SelectField { Name = "tags", MaxSelect = 3, Values = { "a", "b" } });
        return c;
    }

    private static readonly MetaSettings Meta = new() { AppName = "Acme <Shop>", AppURL = "https://acme.test" };

    [Fact]
    public void Fills_app_record_and_given_placeholders_in_subject_and_body()
    {
        var record = new Record(Users());
        record.Set("id", "abc123");
        record.Set("email", "ann@example.com");
        record.Set("name", "Ann");
        var template = new EmailTemplate
        {
            Subject = "Verify your {APP_NAME} email, {RECORD:name}",
            Body = "<a href=\"{APP_URL}/confirm/{TOKEN}\">{RECORD:email}</a> {RECORD:id}",
        };

        var (subject, html) = MailTemplates.Render(template, record, Meta, new Dictionary<string, string> { [MailTemplates.Token] = "T.O.K" });

        Assert.Equal("Verify your Acme <Shop> email, Ann", subject);
        Assert.Contains("<a href=\"https://acme.test/confirm/T.O.K\">ann@example.com</a> abc123", html);
        Assert.StartsWith("<!DOCTYPE html>", html);
        Assert.Contains(".btn", html);
        Assert.EndsWith("</html>", html);
    }

    [Fact]
    public void Escapes_text_values_but_not_dates_numbers_and_bools()
    {
        var record = new Record(Users());
        record.Set("name", "<b>\"Ann\" & 'Bo'</b>");
        record.Set("age", 42.5);
        record.Set("vip", true);
        record.Set("birthday", "2000-01-02 03:04:05.000Z");
        var template = new EmailTemplate { Subject = "s", Body = "{RECORD:name}|{RECORD:age}|{RECORD:vip}|{RECORD:birthday}" };

        var (_, html) = MailTemplates.Render(template, record, Meta);

        Assert.Contains("&lt;b&gt;&#34;Ann&#34; &amp; &#39;Bo&#39;&lt;/b&gt;|42.5|true|2000-01-02 03:04:05.000Z", html);
    }

    [Fact]
    public void Hidden_fields_have_no_placeholder_and_lists_render_empty()
    {
        var record = new Record(Users());
        record.Set("secretNote", "do not show");
        record.Set("tags", new[] { "a", "b" });
        var template = new EmailTemplate { Subject = "s", Body = "[{RECORD:secretNote}][{RECORD:tags}][{RECORD:missing}]" };

        var (_, html) = MailTemplates.Render(template, record, Meta);

        Assert.Contains("[{RECORD:secretNote}][][{RECORD:missing}]", html);
        Assert.DoesNotContain("do not show", html);
    }

    [Fact]
    public void Given_placeholders_win_over_the_defaults()
    {
        var record = new Record(Users());
        record.Set("name", "Ann");
        var template = new EmailTemplate { Subject = "{APP_NAME}", Body = "{RECORD:name}" };

        var (subject, html) = MailTemplates.Render(template, record, Meta, new Dictionary<string, string>
        {
            [MailTemplates.AppName] = "Other",
            [MailTemplates.RecordField("name")] = "Override",
        });

        Assert.Equal("Other", subject);
        Assert.Contains("Override", html);
    }
}
