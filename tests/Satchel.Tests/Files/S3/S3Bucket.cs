using Amazon.S3;
using Satchel.Plugins.FilesS3;
using Satchel.Tests.Support;

namespace Satchel.Tests.Files.S3;

/// <summary>One s3rver with a bucket for a test class; tests keep apart by using their own key prefixes.</summary>
public sealed class S3Bucket : IAsyncLifetime
{
    public S3Server Server { get; private set; } = null!;

    /// <summary>A raw client, for looking at objects without the file system under test.</summary>
    public AmazonS3Client Raw { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await S3Server.StartAsync();
        Raw = Server.Client();
    }

    public S3FileSystem FileSystem(int? partSize = null, int? listPageSize = null, int? deleteBatchSize = null) => new(Server.Client(), Server.Bucket)
    {
        PartSize = partSize ?? S3FileSystem.DefaultPartSize,
        ListPageSize = listPageSize ?? S3FileSystem.DefaultListPageSize,
        DeleteBatchSize = deleteBatchSize ?? S3FileSystem.DefaultDeleteBatchSize,
    };

    /// <summary>A key prefix no other test uses.</summary>
    public static string UniquePrefix() => "t" + Guid.NewGuid().ToString("N")[..12] + "/";

    public async Task DisposeAsync()
    {
        Raw.Dispose();
        await Server.DisposeAsync();
    }
}
