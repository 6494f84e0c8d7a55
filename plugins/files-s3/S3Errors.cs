using System.Net;
using Amazon.Runtime;
using Amazon.S3;

namespace Satchel.Plugins.FilesS3;

/// <summary>How S3 failures are recognised and reported.</summary>
internal static class S3Errors
{
    /// <summary>True when S3 says the object (or bucket) isn't there.</summary>
    public static bool IsNotFound(AmazonServiceException e)
        => e.StatusCode == HttpStatusCode.NotFound || e.ErrorCode is "NoSuchKey" or "NotFound" or "NoSuchBucket";

    /// <summary>"403 InvalidAccessKeyId: The AWS Access Key Id you provided does not exist in our records." — status, code and message, the way PocketBase reports S3 errors.</summary>
    public static string Describe(Exception e)
    {
        if (e is IOException { InnerException: { } inner } && inner is AmazonServiceException or HttpRequestException) e = inner;
        if (e is AmazonServiceException s)
        {
            var code = string.IsNullOrEmpty(s.ErrorCode) ? "S3ResponseError" : s.ErrorCode;
            var status = s.StatusCode == 0 ? "" : (int)s.StatusCode + " ";
            return string.IsNullOrEmpty(s.Message) ? status + code : $"{status}{code}: {s.Message}";
        }
        return e.Message;
    }

    /// <summary>
    /// Runs an S3 call; service and connection failures become <see cref="IOException"/>s, the
    /// error storage callers already expect from a file system.
    /// </summary>
    public static async Task<T> Wrap<T>(string operation, string key, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (Exception e) when (e is AmazonServiceException or HttpRequestException or AmazonClientException)
        {
            throw new IOException($"S3 {operation} of \"{key}\" failed: {Describe(e)}", e);
        }
    }

    public static async Task Wrap(string operation, string key, Func<Task> call)
        => await Wrap(operation, key, async () => { await call(); return true; });
}
