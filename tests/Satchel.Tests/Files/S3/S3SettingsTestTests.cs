using Amazon.S3.Model;
using Satchel.Tests.Records;

namespace Satchel.Tests.Files.S3;

/// <summary>POST /api/settings/test/s3 against a real S3-compatible server.</summary>
public sealed class S3SettingsTestTests(S3Satchel fx) : IClassFixture<S3Satchel>
{
    private const string Failed = "Failed to test the S3 filesystem. Raw error: \nfailed to upload a test file: ";

    private Task<Answer> Test(string filesystem) => fx.Api.Post("/api/settings/test/s3", new { filesystem }, Fixture.Superuser);

    [Fact]
    public async Task Working_settings_answer_204_and_leave_no_test_object_behind()
    {
        await fx.Settings(new { s3 = fx.S3.SettingsJson() });

        var answer = await Test("storage");

        Assert.Equal(204, answer.Status);
        var left = await fx.Raw.ListObjectsV2Async(new ListObjectsV2Request { BucketName = fx.S3.Bucket, Prefix = "pb_settings_test_" });
        Assert.Empty(left.S3Objects ?? []);
        // the test really went to the bucket: s3rver saw the upload
        Assert.Contains(fx.S3.Log.Split('\n'), l => l.Contains("/pb_settings_test_") && l.Contains("/test.txt"));
    }

    [Fact]
    public async Task A_missing_bucket_is_a_400_with_the_S3_error()
    {
        await fx.Settings(new { s3 = fx.S3.SettingsJson(bucket: "no-such-bucket") });

        var answer = await Test("storage");

        Assert.Equal(400, answer.Status);
        Assert.StartsWith(Failed, answer.Str("message"));
        Assert.Contains("404 NoSuchBucket", answer.Str("message"));
        Assert.Empty(answer.Json["data"]!.AsObject());
    }

    [Theory]
    [InlineData("S3RVER", "wrong-secret", "403 SignatureDoesNotMatch")]
    [InlineData("UNKNOWN", "S3RVER", "403 InvalidAccessKeyId")]
    public async Task Wrong_credentials_are_a_400_with_the_S3_error(string accessKey, string secret, string error)
    {
        var s3 = fx.S3.Settings(secret: secret);
        await fx.Settings(new { s3 = new { s3.Enabled, s3.Bucket, s3.Region, s3.Endpoint, accessKey, secret, s3.ForcePathStyle } });

        var answer = await Test("storage");

        Assert.Equal(400, answer.Status);
        Assert.StartsWith(Failed, answer.Str("message"));
        Assert.Contains(error, answer.Str("message"));
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_a_400()
    {
        var closed = Support.FreePort.Next();
        var s3 = fx.S3.Settings();
        await fx.Settings(new { s3 = new { s3.Enabled, s3.Bucket, s3.Region, endpoint = $"http://127.0.0.1:{closed}", s3.AccessKey, s3.Secret, s3.ForcePathStyle } });

        var answer = await Test("storage");

        Assert.Equal(400, answer.Status);
        Assert.StartsWith(Failed, answer.Str("message"));
    }

    [Fact]
    public async Task The_backups_filesystem_tests_the_backups_s3_settings()
    {
        await fx.Settings(new { s3 = new { enabled = false }, backups = new { s3 = fx.S3.SettingsJson() } });

        Assert.Equal(204, (await Test("backups")).Status);
        var storage = await Test("storage");
        Assert.Equal(400, storage.Status);
        Assert.Equal("Failed to test the S3 filesystem. Raw error: \nS3 storage filesystem is not enabled", storage.Str("message"));

        await fx.Settings(new { s3 = fx.S3.SettingsJson(), backups = new { s3 = fx.S3.SettingsJson(bucket: "no-backups-bucket") } });
        Assert.Equal(204, (await Test("storage")).Status);
        var backups = await Test("backups");
        Assert.Equal(400, backups.Status);
        Assert.Contains("NoSuchBucket", backups.Str("message"));
    }
}
