using System.Text;
using System.Text.Json.Nodes;
using Satchel.Tests.Records;

namespace Satchel.Tests.Files;

/// <summary>Uploading, replacing and removing record files through the records API.</summary>
public sealed class FileUploadTests(FilesServer fx) : IClassFixture<FilesServer>
{
    private const string NamePattern = @"^[a-z0-9_]+_[a-z0-9]{10}\.[a-zA-Z0-9]+$";
    private RecordsApi Api => fx.Api;

    private async Task<Answer> CreateDemo3(params (string Name, string Text)[] files)
    {
        var form = RecordsApi.Form(("title", "uploads"));
        foreach (var (name, text) in files) RecordsApi.AddFile(form, "files", name, text);
        return await Api.Post(Fixture.List("demo3"), form, Fixture.Superuser);
    }

    private static List<string> Names(Answer a, string field = "files") => a.Json[field]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    [Fact]
    public async Task New_files_get_generated_names_and_are_stored_with_their_attributes()
    {
        var created = await CreateDemo3(("Report 2024.txt", "first"), ("notes.md", "second"));
        Assert.Equal(200, created.Status);

        var names = Names(created);
        Assert.Equal(2, names.Count);
        Assert.Matches(@"^report_2024_[a-z0-9]{10}\.txt$", names[0]);
        Assert.Matches(@"^notes_[a-z0-9]{10}\.md$", names[1]);

        var dir = fx.RecordDir(FileFixture.Demo3Id, created.Str("id")!);
        Assert.Equal("first", await File.ReadAllTextAsync(Path.Combine(dir, names[0])));
        var attrs = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, names[0]) + ".attrs"))!;
        Assert.Equal("text/plain; charset=utf-8", (string?)attrs["user.content_type"]);
        Assert.Equal("Report 2024.txt", (string?)attrs["user.metadata"]!["original-filename"]);
    }

    [Fact]
    public async Task Appended_and_prepended_files_join_the_current_ones()
    {
        var created = await CreateDemo3(("middle.txt", "m"));
        var id = created.Str("id")!;

        var form = RecordsApi.Form();
        RecordsApi.AddFile(form, "files+", "last.txt", "l");
        RecordsApi.AddFile(form, "+files", "first.txt", "f");
        var updated = await Api.Patch(Fixture.One("demo3", id), form, Fixture.Superuser);

        Assert.Equal(200, updated.Status);
        var names = Names(updated);
        Assert.Equal(3, names.Count);
        Assert.StartsWith("first_", names[0]);
        Assert.Equal(Names(created)[0], names[1]);
        Assert.StartsWith("last_", names[2]);
    }

    [Fact]
    public async Task Files_under_the_plain_field_name_replace_the_current_ones_unless_the_body_names_them()
    {
        var created = await CreateDemo3(("a.txt", "a"), ("b.txt", "b"));
        var id = created.Str("id")!;
        var (a, b) = (Names(created)[0], Names(created)[1]);
        var dir = fx.RecordDir(FileFixture.Demo3Id, id);

        // The body keeps "a" by naming it; "b" goes.
        var keep = RecordsApi.Form(("files", a));
        RecordsApi.AddFile(keep, "files", "third.txt", "c");
        var kept = await Api.Patch(Fixture.One("demo3", id), keep, Fixture.Superuser);
        Assert.Equal(200, kept.Status);
        Assert.Equal(a, Names(kept)[0]);
        Assert.StartsWith("third_", Names(kept)[1]);
        Assert.False(File.Exists(Path.Combine(dir, b)));

        // Without the names, the new file replaces everything.
        var replace = RecordsApi.Form();
        RecordsApi.AddFile(replace, "files", "fourth.txt", "d");
        var replaced = await Api.Patch(Fixture.One("demo3", id), replace, Fixture.Superuser);
        Assert.StartsWith("fourth_", Assert.Single(Names(replaced)));
        Assert.False(File.Exists(Path.Combine(dir, a)));
    }

    [Fact]
    public async Task Removed_files_are_deleted_from_storage()
    {
        var created = await CreateDemo3(("keep.txt", "k"), ("drop.txt", "d"));
        var id = created.Str("id")!;
        var (keep, drop) = (Names(created)[0], Names(created)[1]);
        var dir = fx.RecordDir(FileFixture.Demo3Id, id);

        var subtracted = await Api.Patch(Fixture.One("demo3", id), new Dictionary<string, object> { ["files-"] = new[] { drop } }, Fixture.Superuser);
        Assert.Equal(200, subtracted.Status);
        Assert.Equal([keep], Names(subtracted));
        Assert.False(File.Exists(Path.Combine(dir, drop)));
        Assert.False(File.Exists(Path.Combine(dir, drop + ".attrs")));
        Assert.True(File.Exists(Path.Combine(dir, keep)));

        var cleared = await Api.Patch(Fixture.One("demo3", id), new { files = Array.Empty<string>() }, Fixture.Superuser);
        Assert.Equal(200, cleared.Status);
        Assert.Empty(Names(cleared));
        Assert.False(File.Exists(Path.Combine(dir, keep)));
    }

    [Fact]
    public async Task A_replaced_single_file_is_deleted()
    {
        var form = RecordsApi.Form(("total", "3"));
        RecordsApi.AddFile(form, "file", "one.txt", "1");
        var created = await Api.Post(Fixture.List("demo5"), form, Fixture.Superuser);
        Assert.Equal(200, created.Status);
        var first = created.Str("file")!;
        var dir = fx.RecordDir(FileFixture.Demo5Id, created.Str("id")!);

        var update = RecordsApi.Form();
        RecordsApi.AddFile(update, "file", "two.txt", "2");
        var updated = await Api.Patch(Fixture.One("demo5", created.Str("id")!, "test=1"), update, Fixture.Superuser);
        Assert.Equal(200, updated.Status);
        var second = updated.Str("file")!;

        Assert.StartsWith("two_", second);
        Assert.False(File.Exists(Path.Combine(dir, first)));
        Assert.Equal("2", await File.ReadAllTextAsync(Path.Combine(dir, second)));
    }

    [Fact]
    public async Task Files_over_the_size_limit_are_refused_and_not_stored()
    {
        var form = RecordsApi.Form(("title", "big"));
        form.Add(FilesServer.File(new byte[(5 << 20) + 1]), "files", "big.bin");
        var answer = await Api.Post(Fixture.List("demo3"), form, Fixture.Superuser);

        Assert.Equal(400, answer.Status);
        Assert.Equal("validation_file_size_limit", answer.ErrorCode("files"));
        Assert.Contains("5242880", answer.Raw);
    }

    [Fact]
    public async Task The_type_is_checked_from_the_content_not_the_declared_type()
    {
        var form = RecordsApi.Form();
        form.Add(FilesServer.File(Encoding.UTF8.GetBytes("plain text pretending"), "image/png"), "avatar", "fake.png");
        var refused = await Api.Patch(Fixture.One("users", Fixture.UserId), form, Fixture.Superuser);
        Assert.Equal(400, refused.Status);
        Assert.Equal("validation_invalid_mime_type", refused.ErrorCode("avatar"));

        var image = RecordsApi.Form();
        image.Add(FilesServer.File(FileFixture.Png, "application/octet-stream"), "avatar", "real.bin");
        var accepted = await Api.Patch(Fixture.One("users", Fixture.UserId), image, Fixture.Superuser);
        Assert.Equal(200, accepted.Status);
        Assert.Matches(@"^real_[a-z0-9]{10}\.bin$", accepted.Str("avatar"));
    }

    [Fact]
    public async Task More_files_than_maxSelect_are_refused()
    {
        var form = RecordsApi.Form();
        for (var i = 0; i < 6; i++) RecordsApi.AddFile(form, "file", $"f{i}.txt", "x");
        var answer = await Api.Patch(Fixture.One("users", Fixture.UserId), form, Fixture.Superuser);
        Assert.Equal(400, answer.Status);
        Assert.Equal("validation_too_many_files", answer.ErrorCode("file"));
    }

    [Fact]
    public async Task Names_that_were_never_uploaded_are_refused()
    {
        var created = await CreateDemo3(("a.txt", "a"));
        var answer = await Api.Patch(Fixture.One("demo3", created.Str("id")!), new { files = new[] { Names(created)[0], "made_up_1234567890.txt" } }, Fixture.Superuser);
        Assert.Equal(400, answer.Status);
        Assert.Equal("validation_invalid_file", answer.ErrorCode("files"));
    }

    [Fact]
    public async Task Deleting_a_record_removes_its_files()
    {
        var created = await CreateDemo3(("a.txt", "a"));
        var dir = fx.RecordDir(FileFixture.Demo3Id, created.Str("id")!);
        Assert.True(Directory.Exists(dir));

        var deleted = await Api.Delete(Fixture.One("demo3", created.Str("id")!), Fixture.Superuser);
        Assert.Equal(204, deleted.Status);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task A_failed_update_stores_and_deletes_nothing()
    {
        var created = await CreateDemo3(("a.txt", "a"));
        var id = created.Str("id")!;
        var name = Names(created)[0];

        // The unknown name fails the update: the new file isn't stored, the current one stays.
        var form = RecordsApi.Form(("files", "made_up_1234567890.txt"));
        RecordsApi.AddFile(form, "files", "new.txt", "n");
        var answer = await Api.Patch(Fixture.One("demo3", id), form, Fixture.Superuser);
        Assert.Equal(400, answer.Status);

        var dir = fx.RecordDir(FileFixture.Demo3Id, id);
        Assert.Equal([name], Directory.GetFiles(dir).Select(Path.GetFileName).Where(n => !n!.EndsWith(".attrs")).ToArray());
    }
}
