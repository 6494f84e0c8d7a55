using System.Text;
using System.Text.RegularExpressions;
using Satchel.Files;

namespace Satchel.Tests.Files;

public class FileNamesTests
{
    [Theory]
    [InlineData("", @"^[a-z0-9]{10}_[a-z0-9]{10}\.txt$")]          // no name: random base, extension from the content
    [InlineData(".png", @"^[a-z0-9]{10}_[a-z0-9]{10}\.png$")]
    [InlineData(".tar.gz", @"^[a-z0-9]{10}_[a-z0-9]{10}\.tar\.gz$")]
    [InlineData("a.tar.gz", @"^a[a-z0-9]{10}_[a-z0-9]{10}\.tar\.gz$")] // short base padded
    [InlineData("....abc", @"^[a-z0-9]{10}_[a-z0-9]{10}\.abc$")]
    [InlineData("a.b.c.?.?.?.2", @"^a_b_c_[a-z0-9]{10}\.2$")]
    [InlineData("a.b.c.d.tar.gz", @"^a_b_c_d_[a-z0-9]{10}\.tar\.gz$")]
    [InlineData("abcd", @"^abcd_[a-z0-9]{10}\.txt$")]
    [InlineData(".abcd.123.", @"^abcd_[a-z0-9]{10}\.123$")]
    [InlineData("a  b! c d  . 456", @"^a_b_c_d_[a-z0-9]{10}\.456$")]
    [InlineData("My Photo.PNG", @"^my_photo_[a-z0-9]{10}\.PNG$")]
    [InlineData("UhLKX91HVb.png", @"^uh_lkx91_hvb_[a-z0-9]{10}\.png$")]
    [InlineData("dir/sub/report.pdf", @"^dir_sub_report_[a-z0-9]{10}\.pdf$")]
    public void Normalizes_like_PocketBase(string original, string pattern)
    {
        var name = FileNames.Normalize(original, "abc"u8);
        Assert.Matches(new Regex(pattern), name);
    }

    [Fact]
    public void Cuts_long_names_and_extensions()
    {
        Assert.Matches(@"^a{100}_[a-z0-9]{10}\.b{20}$", FileNames.Normalize(new string('a', 101) + "." + new string('b', 21), "abc"u8));
        // the whole name is first cut to its last 300 bytes
        Assert.Matches(@"^d{100}_[a-z0-9]{10}\.b{9}$", FileNames.Normalize("abc" + new string('d', 290) + "." + new string('b', 9), "abc"u8));
    }

    [Fact]
    public void Picks_the_extension_from_the_content_when_the_name_has_none()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0];
        Assert.Matches(@"^photo_[a-z0-9]{10}\.png$", FileNames.Normalize("photo", png));
        Assert.Matches(@"^blob_[a-z0-9]{10}$", FileNames.Normalize("blob", [0x00, 0x01, 0x02]));
    }

    [Fact]
    public void Non_ascii_letters_are_dropped()
        => Assert.Matches(@"^caf_men_[a-z0-9]{10}\.pdf$", FileNames.Normalize("café menü.pdf", Encoding.UTF8.GetBytes("%PDF-1.4")));

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..\\..\\boot.ini")]
    [InlineData(".attrs")]
    public void Never_yields_a_path(string original)
    {
        var name = FileNames.Normalize(original, "abc"u8);
        Assert.True(FileKeys.IsPlainFilename(name), name);
        Assert.DoesNotContain("..", name);
        Assert.Matches(@"^[a-z0-9_]+_[a-z0-9]{10}\.[\w.*\-+=#]+$", name);
    }

    [Fact]
    public void Random_parts_differ()
        => Assert.NotEqual(FileNames.Normalize("a.txt", "x"u8), FileNames.Normalize("a.txt", "x"u8));
}
