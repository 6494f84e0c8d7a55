using System.Text;
using System.Text.Json.Nodes;
using Satchel.Files;
using Satchel.Plugins.FilesLocal;
using Satchel.Tests.Support;

namespace Satchel.Tests.Files;

public sealed class LocalFileSystemTests : IDisposable
{
    private readonly TempDir _dir = TempDir.Create("satchel-storage");
    private readonly LocalFileSystem _fs;

    public LocalFileSystemTests() => _fs = new LocalFileSystem(_dir.Path);

    public void Dispose() => _dir.Dispose();

    private Task Upload(string key, string text, string type = "text/plain; charset=utf-8", Dictionary<string, string>? meta = null)
        => _fs.UploadAsync(key, new MemoryStream(Encoding.UTF8.GetBytes(text)), type, meta);

    [Fact]
    public async Task Uploads_are_stored_with_a_PocketBase_attrs_sidecar()
    {
        await Upload("col/rec/a.txt", "hello", meta: new() { ["original-filename"] = "A.txt" });

        var path = Path.Combine(_dir.Path, "col", "rec", "a.txt");
        Assert.Equal("hello", await File.ReadAllTextAsync(path));
        var attrsText = await File.ReadAllTextAsync(path + ".attrs");
        Assert.EndsWith("}\n", attrsText);
        var attrs = JsonNode.Parse(attrsText)!.AsObject();
        Assert.Equal(
            ["user.cache_control", "user.content_disposition", "user.content_encoding", "user.content_language", "user.content_type", "user.metadata", "md5"],
            attrs.Select(p => p.Key).ToArray());
        Assert.Equal("text/plain; charset=utf-8", (string?)attrs["user.content_type"]);
        Assert.Equal("A.txt", (string?)attrs["user.metadata"]!["original-filename"]);
        Assert.Equal(Convert.ToBase64String(System.Security.Cryptography.MD5.HashData("hello"u8)), (string?)attrs["md5"]);
        // nothing but the file and its sidecar: the temporary file was renamed into place
        Assert.Equal(2, Directory.GetFiles(Path.GetDirectoryName(path)!).Length);
    }

    [Fact]
    public async Task Reads_attributes_written_by_PocketBase()
    {
        var fixture = Path.Combine(RepoPaths.FixtureDataDir, "storage", "_pb_users_auth_", "4q1xlclmfloku33");
        var copy = Path.Combine(_dir.Path, "_pb_users_auth_", "4q1xlclmfloku33");
        Directory.CreateDirectory(copy);
        foreach (var f in Directory.GetFiles(fixture)) File.Copy(f, Path.Combine(copy, Path.GetFileName(f)));

        var info = await _fs.GetAttributesAsync("_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png");
        Assert.NotNull(info);
        Assert.Equal("image/png", info.ContentType);
        Assert.Equal(new FileInfo(Path.Combine(copy, "300_1SEi6Q6U72.png")).Length, info.Size);
        Assert.Matches("^\"[0-9a-f]+-[0-9a-f]+\"$", info.ETag);
    }

    [Fact]
    public async Task A_file_without_sidecar_is_an_octet_stream()
    {
        Directory.CreateDirectory(Path.Combine(_dir.Path, "x"));
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "x", "raw.bin"), "raw");
        Assert.Equal("application/octet-stream", (await _fs.GetAttributesAsync("x/raw.bin"))!.ContentType);
    }

    [Fact]
    public async Task Reads_whole_files_seekable_and_ranges()
    {
        await Upload("c/r/digits.txt", "0123456789");

        await using (var whole = await _fs.OpenReadAsync("c/r/digits.txt"))
        {
            Assert.NotNull(whole);
            Assert.True(whole.CanSeek);
            Assert.Equal("0123456789", await new StreamReader(whole).ReadToEndAsync());
        }
        await using var range = await _fs.OpenReadAsync("c/r/digits.txt", offset: 3, length: 4);
        Assert.Equal("3456", await new StreamReader(range!).ReadToEndAsync());
    }

    [Fact]
    public async Task Missing_files_are_null_or_false()
    {
        Assert.Null(await _fs.GetAttributesAsync("c/r/none.txt"));
        Assert.Null(await _fs.OpenReadAsync("c/r/none.txt"));
        Assert.False(await _fs.ExistsAsync("c/r/none.txt"));
        Assert.False(await _fs.DeleteAsync("c/r/none.txt"));
        Assert.False(await _fs.CopyAsync("c/r/none.txt", "c/r/copy.txt"));
    }

    [Fact]
    public async Task Replacing_a_file_keeps_one_complete_version()
    {
        await Upload("c/r/f.txt", "old");
        await Upload("c/r/f.txt", "new content", "application/json");
        Assert.Equal("new content", await File.ReadAllTextAsync(Path.Combine(_dir.Path, "c", "r", "f.txt")));
        Assert.Equal("application/json", (await _fs.GetAttributesAsync("c/r/f.txt"))!.ContentType);
    }

    [Fact]
    public async Task Deletes_one_file_with_its_sidecar()
    {
        await Upload("c/r/f.txt", "x");
        Assert.True(await _fs.DeleteAsync("c/r/f.txt"));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir.Path, "c", "r")));
    }

    [Fact]
    public async Task Deleting_a_folder_prefix_removes_its_files_and_folders()
    {
        await Upload("c/r1/a.txt", "a");
        await Upload("c/r1/thumbs_a.png/100x100_a.png", "t");
        await Upload("c/r2/b.txt", "b");

        Assert.Equal(2, await _fs.DeletePrefixAsync("c/r1/"));
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "c", "r1")));
        Assert.True(await _fs.ExistsAsync("c/r2/b.txt"));
        await Assert.ThrowsAsync<ArgumentException>(() => _fs.DeletePrefixAsync(""));
    }

    [Fact]
    public async Task Lists_by_prefix_in_key_order_without_sidecars()
    {
        await Upload("c/r/b.txt", "b");
        await Upload("c/r/a.txt", "a");
        await Upload("c/other/z.txt", "z");

        Assert.Equal(["c/r/a.txt", "c/r/b.txt"], (await _fs.ListAsync("c/r/")).Select(f => f.Key).ToArray());
        Assert.Equal(["c/r/a.txt"], (await _fs.ListAsync("c/r/a")).Select(f => f.Key).ToArray());
        Assert.Equal(3, (await _fs.ListAsync("")).Count);
    }

    [Fact]
    public async Task Copies_content_type_and_metadata()
    {
        await Upload("c/r/a.txt", "a", "text/csv", new() { ["original-filename"] = "a.csv" });
        Assert.True(await _fs.CopyAsync("c/r/a.txt", "d/r/a.txt"));
        var copy = await _fs.GetAttributesAsync("d/r/a.txt");
        Assert.Equal("text/csv", copy!.ContentType);
        Assert.Equal("a.csv", copy.Metadata["original-filename"]);
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("c/../../outside.txt")]
    [InlineData("/tmp/outside.txt")]
    [InlineData("c/r/f.txt.attrs")]
    public async Task Refuses_keys_outside_the_folder_or_sidecar_names(string key)
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Upload(key, "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => _fs.OpenReadAsync(key));
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(_dir.Path)!, "outside.txt")));
    }
}
