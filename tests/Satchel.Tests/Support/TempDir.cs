namespace Satchel.Tests.Support;

/// <summary>A temporary folder removed on dispose; optionally a writable copy of another folder.</summary>
public sealed class TempDir : IDisposable
{
    public string Path { get; }

    private TempDir(string path) => Path = path;

    public static TempDir Create(string prefix = "satchel-test")
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return new TempDir(path);
    }

    /// <summary>A copy of <paramref name="source"/> (e.g. the read-only fixture) whose files are writable.</summary>
    public static TempDir CopyOf(string source, string prefix = "satchel-test")
    {
        if (!Directory.Exists(source)) throw new DirectoryNotFoundException($"fixture folder not found: {source}");
        var dir = Create(prefix);
        foreach (var d in Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(System.IO.Path.Combine(dir.Path, System.IO.Path.GetRelativePath(source, d)));
        foreach (var f in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(dir.Path, System.IO.Path.GetRelativePath(source, f));
            System.IO.File.Copy(f, target);
            // The fixture may be read-only; the copy must be writable (Windows copies stay writable).
            if (!OperatingSystem.IsWindows())
                System.IO.File.SetUnixFileMode(target, System.IO.File.GetUnixFileMode(target) | UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        return dir;
    }

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
