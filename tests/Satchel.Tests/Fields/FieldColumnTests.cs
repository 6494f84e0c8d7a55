using Satchel.Models.Fields;

namespace Satchel.Tests.Fields;

public class FieldColumnTests
{
    public static TheoryData<Field, string> Columns => new()
    {
        { new TextField(), "TEXT DEFAULT '' NOT NULL" },
        { SystemFields.Id(), "TEXT PRIMARY KEY DEFAULT ('r'||lower(hex(randomblob(7)))) NOT NULL" },
        { new NumberField(), "NUMERIC DEFAULT 0 NOT NULL" },
        { new BoolField(), "BOOLEAN DEFAULT FALSE NOT NULL" },
        { new EmailField(), "TEXT DEFAULT '' NOT NULL" },
        { new UrlField(), "TEXT DEFAULT '' NOT NULL" },
        { new EditorField(), "TEXT DEFAULT '' NOT NULL" },
        { new DateField(), "TEXT DEFAULT '' NOT NULL" },
        { new AutodateField(), "TEXT DEFAULT '' NOT NULL" },
        { new SelectField { MaxSelect = 1 }, "TEXT DEFAULT '' NOT NULL" },
        { new SelectField { MaxSelect = 2 }, "JSON DEFAULT '[]' NOT NULL" },
        { new FileField(), "TEXT DEFAULT '' NOT NULL" },
        { new FileField { MaxSelect = 99 }, "JSON DEFAULT '[]' NOT NULL" },
        { new RelationField { MaxSelect = 1 }, "TEXT DEFAULT '' NOT NULL" },
        { new RelationField { MaxSelect = 9999 }, "JSON DEFAULT '[]' NOT NULL" },
        { new JsonField(), "JSON DEFAULT NULL" },
        { new PasswordField(), "TEXT DEFAULT '' NOT NULL" },
        { new GeoPointField(), "JSON DEFAULT '{\"lon\":0,\"lat\":0}' NOT NULL" },
    };

    [Theory]
    [MemberData(nameof(Columns))]
    public void Column_definitions_match_pocketbase(Field field, string expected)
    {
        Assert.Equal(expected, field.ColumnDefinition);
    }

    [Fact]
    public void Multi_value_types_report_is_multiple()
    {
        Assert.False(new SelectField { MaxSelect = 1 }.IsMultiple);
        Assert.True(((IMultiValued)new FileField { MaxSelect = 2 }).IsMultiple);
        Assert.True(new RelationField { MaxSelect = 3 }.IsMultiple);
        Assert.IsAssignableFrom<IRequirable>(new GeoPointField());
        Assert.IsNotAssignableFrom<IRequirable>(new AutodateField());
    }

    [Fact]
    public void Zero_values_have_the_canonical_types()
    {
        Assert.Equal("", new TextField().ZeroValue);
        Assert.Equal(0d, new NumberField().ZeroValue);
        Assert.Equal(false, new BoolField().ZeroValue);
        Assert.Null(new JsonField().ZeroValue);
        Assert.Equal(new GeoPoint(0, 0), new GeoPointField().ZeroValue);
        Assert.Equal(new PasswordValue(), new PasswordField().ZeroValue);
        Assert.IsType<List<string>>(new RelationField { MaxSelect = 2 }.ZeroValue);
    }
}
