namespace Satchel.Files;

/// <summary>
/// The storage backends plugins registered, and which one is in use. "local" stores under
/// pb_data/storage; "s3" is used instead while settings.s3.enabled is on, so the choice follows the
/// settings at run time.
/// </summary>
public interface IFileSystemProvider
{
    /// <summary>
    /// Registers (or replaces) the backend called <paramref name="name"/>. The factory is called each
    /// time the backend is asked for, with the current settings, so a backend keeps whatever is
    /// expensive to create (clients, connections) itself.
    /// </summary>
    void Register(string name, Func<IApp, IFileSystem> factory);

    /// <summary>Names of the registered backends.</summary>
    IReadOnlyCollection<string> Names { get; }

    /// <summary>The backend in use, or null when the one the settings ask for isn't registered.</summary>
    IFileSystem? Active { get; }

    /// <summary>The backend in use; throws PocketBase's 400 "Filesystem initialization failure." when there is none.</summary>
    IFileSystem Require();
}

/// <summary>The names storage backends register under.</summary>
public static class FileSystemNames
{
    public const string Local = "local";
    public const string S3 = "s3";
}
