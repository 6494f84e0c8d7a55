using Amazon.Runtime;
using Amazon.S3;
using Satchel.Settings;

namespace Satchel.Plugins.FilesS3;

/// <summary>Builds an S3 client for one settings.s3 (or settings.backups.s3) section.</summary>
internal static class S3ClientFactory
{
    /// <summary>
    /// A client for the configured endpoint, region and keys. Request checksums only where S3
    /// requires them and no aws-chunked bodies: S3-compatible servers (MinIO, R2, s3rver, …) don't
    /// all understand the newer AWS-only transfer encodings.
    /// </summary>
    public static AmazonS3Client Create(S3Settings settings, int maxErrorRetry = 3, TimeSpan? timeout = null)
    {
        var config = new AmazonS3Config
        {
            ServiceURL = settings.Endpoint,
            AuthenticationRegion = settings.Region,
            ForcePathStyle = settings.ForcePathStyle,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = maxErrorRetry,
            // Per request: one upload part on a slow link must still make it.
            Timeout = timeout ?? TimeSpan.FromMinutes(5),
        };
        return new AmazonS3Client(new BasicAWSCredentials(settings.AccessKey, settings.Secret), config);
    }

    /// <summary>Why a section can't make a client, or null when it can (the settings validator requires the same when S3 is enabled).</summary>
    public static string? MissingSetting(S3Settings settings)
    {
        if (string.IsNullOrWhiteSpace(settings.Bucket)) return "missing bucket name";
        if (string.IsNullOrWhiteSpace(settings.Endpoint)) return "missing endpoint";
        if (string.IsNullOrWhiteSpace(settings.Region)) return "missing region";
        if (!Uri.TryCreate(settings.Endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return $"invalid endpoint \"{settings.Endpoint}\"";
        return null;
    }
}
