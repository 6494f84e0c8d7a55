using System.Collections.Concurrent;
using Satchel.Errors;

namespace Satchel.Files;

/// <summary>
/// The host's <see cref="IFileSystemProvider"/>: backends registered by plugins, picked per call from
/// the current settings (S3 while settings.s3.enabled is on, otherwise local storage).
/// </summary>
public sealed class FileSystemRegistry(IApp app) : IFileSystemProvider
{
    private readonly ConcurrentDictionary<string, Func<IApp, IFileSystem>> _factories = new(StringComparer.Ordinal);

    public void Register(string name, Func<IApp, IFileSystem> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        _factories[name] = factory;
    }

    public IReadOnlyCollection<string> Names => _factories.Keys.ToList();

    /// <summary>The backend name the settings ask for.</summary>
    public string ActiveName => app.Settings.S3.Enabled ? FileSystemNames.S3 : FileSystemNames.Local;

    // Files never silently land in local storage while S3 is configured: no S3 backend means none.
    public IFileSystem? Active => _factories.TryGetValue(ActiveName, out var factory) ? factory(app) : null;

    public IFileSystem Require() => Active ?? throw ApiException.BadRequest("Filesystem initialization failure.");
}
