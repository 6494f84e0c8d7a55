using Satchel.Models;
using Record = Satchel.Models.Record;
using Satchel.Models.Fields;

namespace Satchel.Tests.Records;

/// <summary>Set modifiers through Record.Set, as plugins and the API use them.</summary>
public class FieldModifierTests
{
    private static Record NewRecord()
    {
        var c = new Collection { Id = "c1", Name = "things" };
        c.Fields.Add(SystemFields.Id());
        c.Fields.Add(new TextField { Name = "title" });
        c.Fields.Add(new TextField { Name = "slug", AutogeneratePattern = "[0-9]{4}" });
        c.Fields.Add(new NumberField { Name = "total" });
        c.Fields.Add(new SelectField { Name = "tags", Values = ["a", "b", "c"], MaxSelect = 3 });
        c.Fields.Add(new SelectField { Name = "status", Values = ["a", "b"], MaxSelect = 1 });
        c.Fields.Add(new RelationField { Name = "refs", CollectionId = "c1", MaxSelect = 5 });
        return new Record(c);
    }

    [Fact]
    public void Numbers_add_and_subtract()
    {
        var r = NewRecord();
        r.Set("total", 10);
        r.Set("total+", 5);
        r.Set("total-", "2.5");
        Assert.Equal(12.5, r.GetNumber("total"));
    }

    [Fact]
    public void Multi_values_append_prepend_and_remove_without_repeats()
    {
        var r = NewRecord();
        r.Set("tags", new[] { "a" });
        r.Set("tags+", new[] { "b", "a" });
        r.Set("+tags", "c");
        Assert.Equal(["c", "a", "b"], r.GetStrings("tags"));
        r.Set("tags-", new[] { "a", "c" });
        Assert.Equal(["b"], r.GetStrings("tags"));

        r.Set("refs+", "x1");
        r.Set("+refs", "x0");
        Assert.Equal(["x0", "x1"], r.GetStrings("refs"));
    }

    [Fact]
    public void A_single_value_field_keeps_the_last_value()
    {
        var r = NewRecord();
        r.Set("status", "a");
        r.Set("status+", "b");
        Assert.Equal("b", r.GetString("status"));
        r.Set("status-", "b");
        Assert.Equal("", r.GetString("status"));
    }

    [Fact]
    public void Autogenerate_appends_a_value_from_the_pattern()
    {
        var r = NewRecord();
        r.Set("slug:autogenerate", "post-");
        Assert.Matches("^post-[0-9]{4}$", r.GetString("slug"));
    }

    [Fact]
    public void Keys_that_are_no_modifier_of_the_field_stay_custom_data()
    {
        var r = NewRecord();
        r.Set("title", "x");
        r.Set("title+", "y");
        r.Set("total:autogenerate", 1);
        r.Set("-tags", "a");
        Assert.Equal("x", r.GetString("title"));
        Assert.Equal(["title+", "total:autogenerate", "-tags"], r.CustomData.Keys.ToList());
        Assert.Equal(FieldModifiers.Target(r.Collection, "tags+"), r.Collection.Fields.ByName("tags"));
        Assert.Null(FieldModifiers.Target(r.Collection, "title+"));
    }
}
