using Satchel.Errors;
using Satchel.Settings;

namespace Satchel.Plugins.FilesS3;

/// <summary>
/// The S3 file system for the current settings.s3 values. The storage provider asks for the backend
/// on every use; as long as the values stay the same the same client is handed out, and a settings
/// change (another bucket, endpoint, keys, …) builds a new one from then on.
/// </summary>
internal sealed class S3FileSystemCache
{
    private readonly Lock _lock = new();
    private (Key Key, S3FileSystem FileSystem)? _current;

    private readonly record struct Key(string Bucket, string Region, string Endpoint, string AccessKey, string Secret, bool ForcePathStyle)
    {
        public static Key Of(S3Settings s) => new(s.Bucket, s.Region, s.Endpoint, s.AccessKey, s.Secret, s.ForcePathStyle);
    }

    /// <summary>How many clients were built so far.</summary>
    public int Built { get; private set; }

    /// <summary>
    /// The file system for <paramref name="settings"/>; PocketBase's "Filesystem initialization failure."
    /// when they can't make one (e.g. no bucket: the settings validator prevents that, a hand-edited database may not).
    /// </summary>
    public S3FileSystem For(S3Settings settings)
    {
        var key = Key.Of(settings);
        lock (_lock)
        {
            if (_current is { } current && current.Key == key) return current.FileSystem;

            if (S3ClientFactory.MissingSetting(settings) is { } missing)
                throw new ApiException(400, "Filesystem initialization failure.", inner: new InvalidOperationException("S3 storage is misconfigured: " + missing));
            // The previous client is not disposed: requests that already use it finish on it.
            var fs = new S3FileSystem(S3ClientFactory.Create(settings), settings.Bucket);
            _current = (key, fs);
            Built++;
            return fs;
        }
    }
}
