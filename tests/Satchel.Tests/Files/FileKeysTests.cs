using Satchel.Files;

namespace Satchel.Tests.Files;

public class FileKeysTests
{
    [Theory]
    [InlineData("abc/def/file.txt")]
    [InlineData("abc/def/thumbs_file.png/100x100_file.png")]
    [InlineData("file..txt")]
    public void Accepts_relative_keys(string key) => Assert.True(FileKeys.IsValidKey(key));

    [Theory]
    [InlineData("")]
    [InlineData("/etc/passwd")]
    [InlineData("../secret")]
    [InlineData("abc/../../secret")]
    [InlineData("abc/./file")]
    [InlineData("abc//file")]
    [InlineData("abc/file/")]
    [InlineData("abc\\..\\file")]
    [InlineData("abc/fi\nle")]
    public void Refuses_keys_that_could_leave_the_storage(string key) => Assert.False(FileKeys.IsValidKey(key));

    [Fact]
    public void Prefixes_may_name_a_folder()
    {
        Assert.True(FileKeys.IsValidPrefix("abc/def/"));
        Assert.True(FileKeys.IsValidPrefix("abc/def/file_"));
        Assert.False(FileKeys.IsValidPrefix("/"));
        Assert.False(FileKeys.IsValidPrefix("../"));
    }

    [Fact]
    public void Plain_filenames_have_no_separators()
    {
        Assert.True(FileKeys.IsPlainFilename("a_b.txt"));
        Assert.False(FileKeys.IsPlainFilename("a/b.txt"));
        Assert.False(FileKeys.IsPlainFilename(".."));
    }
}
