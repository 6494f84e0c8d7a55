using Satchel.Settings;

namespace Satchel.Files;

/// <summary>
/// Checks that an S3 configuration works (e.g. by uploading and deleting a small object), for
/// POST /api/settings/test/s3. An S3 storage plugin registers one; without it the test answers
/// that no S3 support is loaded.
/// </summary>
public interface IS3Tester
{
    /// <summary>Throws with a readable message when the storage can't be reached or used.</summary>
    void Test(S3Settings config);
}
