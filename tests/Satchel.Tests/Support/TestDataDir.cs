namespace Satchel.Tests.Support;

/// <summary>A temporary pb_data folder (empty, or a writable copy of the conformance fixture), deleted on dispose.</summary>
public sealed class TestDataDir : IDisposable
{
    public static string FixturePath => RepoPaths.FixtureDataDir;

    public string Path { get; }

    private TestDataDir(string path) => Path = path;

    public static TestDataDir Empty()
    {
        var dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "satchel-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return new TestDataDir(dir);
    }

    /// <summary>A copy of PocketBase's fixture data (its collections, records and superuser test@example.com).</summary>
    public static TestDataDir FixtureCopy()
    {
        var dir = Empty();
        Copy(FixturePath, dir.Path);
        return dir;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetFileName(file));
            File.Copy(file, target);
            File.SetAttributes(target, FileAttributes.Normal);
        }
        foreach (var sub in Directory.GetDirectories(from))
            Copy(sub, System.IO.Path.Combine(to, System.IO.Path.GetFileName(sub)));
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
