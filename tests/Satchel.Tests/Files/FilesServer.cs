using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using Amazon.S3;
using Satchel.Plugins.FilesS3;
using Satchel.Tests.Records;
using Satchel.Tests.Support;

namespace Satchel.Tests.Files;

/// <summary>
/// A server over a copy of the PocketBase fixture with the default plugins, storing files in one
/// backend. The file-API test classes are abstract over it and run once per backend (a
/// Local…Tests and an S3…Tests class each), so both backends pass the same tests.
/// </summary>
public abstract class FilesServer : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;
    public RecordsApi Api { get; private set; } = null!;

    /// <summary>The stored files, looked at directly.</summary>
    public StoredFiles Storage { get; private set; } = null!;

    /// <summary>The settings' name of the backend in use ("local" or "s3").</summary>
    public abstract string Backend { get; }

    public async Task InitializeAsync()
    {
        Server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
        Api = new RecordsApi(Server.Client);
        Storage = await UseStorageAsync();
    }

    /// <summary>Switches the running server to the backend and returns the view of its files.</summary>
    protected abstract Task<StoredFiles> UseStorageAsync();

    public virtual async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>The storage key prefix of a record's files ("collectionId/recordId/").</summary>
    public static string RecordDir(string collectionId, string recordId) => collectionId + "/" + recordId + "/";

    /// <summary>pb_data/storage of the running server.</summary>
    protected string LocalStorageDir => Path.Combine(Server.DataDir, "storage");

    public static ByteArrayContent File(byte[] content, string type = "application/octet-stream")
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        return part;
    }
}

/// <summary>Files in pb_data/storage (the default).</summary>
public sealed class LocalFilesServer : FilesServer
{
    public override string Backend => "local";

    protected override Task<StoredFiles> UseStorageAsync() => Task.FromResult<StoredFiles>(new LocalStoredFiles(LocalStorageDir));
}

/// <summary>
/// Files in an s3rver bucket: the fixture's stored files are copied into the bucket (with the
/// content types and metadata of their sidecars) and removed from pb_data/storage, then S3 is
/// switched on through PATCH /api/settings.
/// </summary>
public sealed class S3FilesServer : FilesServer
{
    private S3Server _s3 = null!;
    private AmazonS3Client _raw = null!;

    public override string Backend => "s3";

    protected override async Task<StoredFiles> UseStorageAsync()
    {
        _s3 = await S3Server.StartAsync();
        _raw = _s3.Client();
        await CopyToBucketAsync(LocalStorageDir, new S3FileSystem(_raw, _s3.Bucket));
        Directory.Delete(LocalStorageDir, recursive: true);
        Directory.CreateDirectory(LocalStorageDir);

        var enabled = await Api.Patch("/api/settings", new { s3 = _s3.SettingsJson() }, Fixture.Superuser);
        if (enabled.Status != 200) throw new InvalidOperationException("enabling S3 failed: " + enabled);
        return new S3StoredFiles(_raw, _s3.Bucket);
    }

    private static async Task CopyToBucketAsync(string storage, S3FileSystem bucket)
    {
        foreach (var path in Directory.EnumerateFiles(storage, "*", SearchOption.AllDirectories))
        {
            if (path.EndsWith(".attrs", StringComparison.Ordinal)) continue;
            var attrs = System.IO.File.Exists(path + ".attrs") ? JsonNode.Parse(await System.IO.File.ReadAllTextAsync(path + ".attrs")) : null;
            var type = (string?)attrs?["user.content_type"] ?? "application/octet-stream";
            var metadata = attrs?["user.metadata"] is JsonObject m ? m.ToDictionary(p => p.Key, p => (string)p.Value!) : null;
            await using var content = System.IO.File.OpenRead(path);
            await bucket.UploadAsync(Path.GetRelativePath(storage, path).Replace(Path.DirectorySeparatorChar, '/'), content, type, metadata);
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _raw?.Dispose();
        if (_s3 != null) await _s3.DisposeAsync();
    }
}

/// <summary>Ids of the fixture's collections with file fields.</summary>
public static class FileFixture
{
    /// <summary>demo3: "files" (up to 99), any authenticated non-user may write.</summary>
    public const string Demo3Id = "wzlqyes4orhoygb";

    /// <summary>demo5: single "file".</summary>
    public const string Demo5Id = "9n89pl5vkct6330";

    public const string UsersId = "_pb_users_auth_";
    public const string Demo1Id = "wsmn24bux7wo113";

    public static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
