using System.Security.Cryptography;
using Satchel.Files;
using Satchel.Settings;

namespace Satchel.Plugins.FilesS3;

/// <summary>
/// POST /api/settings/test/s3: uploads a small object under a random "pb_settings_test_…" prefix and
/// deletes that prefix again, which needs the bucket to exist and the keys to allow writing,
/// listing and deleting. The messages match PocketBase's.
/// </summary>
public sealed class S3Tester : IS3Tester
{
    public const string TestPrefix = "pb_settings_test_";

    public void Test(S3Settings config) => TestAsync(config).GetAwaiter().GetResult();

    public static async Task TestAsync(S3Settings config, CancellationToken ct = default)
    {
        if (S3ClientFactory.MissingSetting(config) is { } missing)
            throw new InvalidOperationException("failed to initialize the S3 filesystem: " + missing);

        // A client of its own: the test may use the backups' section, and answers within seconds rather than retrying.
        using var client = S3ClientFactory.Create(config, maxErrorRetry: 0, timeout: TimeSpan.FromSeconds(30));
        var fs = new S3FileSystem(client, config.Bucket);
        var prefix = TestPrefix + RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 5);

        try
        {
            using var content = new MemoryStream("test"u8.ToArray());
            await fs.UploadAsync(prefix + "/test.txt", content, "text/plain; charset=utf-8", ct: ct);
        }
        catch (IOException e)
        {
            throw new IOException("failed to upload a test file: " + S3Errors.Describe(e), e);
        }

        try
        {
            await fs.DeletePrefixAsync(prefix, ct);
        }
        catch (Exception e) when (e is IOException or AggregateException)
        {
            var first = e is AggregateException a ? a.InnerExceptions[0] : e;
            throw new IOException("failed to delete a test file: " + S3Errors.Describe(first), e);
        }
    }
}
