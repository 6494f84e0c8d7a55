using Amazon.S3;
using Satchel.Tests.Records;
using Satchel.Tests.Support;

namespace Satchel.Tests.Files.S3;

/// <summary>s3rver plus a Satchel server over a copy of the fixture (still on local storage), for tests that change the s3 settings.</summary>
public sealed class S3Satchel : IAsyncLifetime
{
    public S3Server S3 { get; private set; } = null!;
    public RunningServer Server { get; private set; } = null!;
    public RecordsApi Api { get; private set; } = null!;
    public AmazonS3Client Raw { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        S3 = await S3Server.StartAsync();
        Raw = S3.Client();
        Server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
        Api = new RecordsApi(Server.Client);
    }

    public StoredFiles Bucket(string? name = null) => new S3StoredFiles(Raw, name ?? S3.Bucket);

    public StoredFiles Local => new LocalStoredFiles(Path.Combine(Server.DataDir, "storage"));

    /// <summary>PATCHes /api/settings and expects it to succeed.</summary>
    public async Task Settings(object patch)
    {
        var answer = await Api.Patch("/api/settings", patch, Fixture.Superuser);
        Assert.True(answer.Status == 200, answer.ToString());
    }

    public async Task DisposeAsync()
    {
        if (Server != null) await Server.DisposeAsync();
        Raw?.Dispose();
        if (S3 != null) await S3.DisposeAsync();
    }
}
