using System.Net.Http.Headers;
using Satchel.Tests.Records;
using Satchel.Tests.Support;

namespace Satchel.Tests.Files;

/// <summary>A server over a copy of the PocketBase fixture with the default plugins (local file storage included).</summary>
public sealed class FilesServer : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;
    public RecordsApi Api { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
        Api = new RecordsApi(Server.Client);
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();

    /// <summary>The storage folder of a record.</summary>
    public string RecordDir(string collectionId, string recordId) => Path.Combine(Server.DataDir, "storage", collectionId, recordId);

    public static ByteArrayContent File(byte[] content, string type = "application/octet-stream")
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue(type);
        return part;
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
