using Satchel.Core;

namespace Satchel.Tests.Settings;

/// <summary>
/// A <see cref="SatchelApp"/> over a temporary pb_data (empty, or a writable copy of the
/// PocketBase fixture), bootstrapped; disposing closes it and removes the folder.
/// </summary>
public sealed class SettingsTestApp : IDisposable
{
    public string DataDir { get; }
    public SatchelApp App { get; private set; }

    private SettingsTestApp(string dataDir, string? key)
    {
        DataDir = dataDir;
        App = Open(key);
    }

    public static SettingsTestApp Empty(string? key = null) => new(NewTempDir(), key);

    public static SettingsTestApp FromFixture(string? key = null)
    {
        var dir = NewTempDir();
        CopyDir(FixtureDir, dir);
        return new SettingsTestApp(dir, key);
    }

    /// <summary>Closes the app and opens the same pb_data again (e.g. with another key); throws what bootstrapping throws.</summary>
    public SatchelApp Reopen(string? key = null)
    {
        App.Dispose();
        App = Open(key);
        return App;
    }

    private SatchelApp Open(string? key)
    {
        var app = new SatchelApp(DataDir, false, key);
        try { app.Bootstrap(); }
        catch { app.Dispose(); throw; }
        return app;
    }

    public static string FixtureDir
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Satchel.slnx"))) dir = dir.Parent;
            if (dir?.Parent == null) throw new InvalidOperationException("repository root not found");
            return Path.Combine(dir.Parent.FullName, "shared", "conformance", "pb_data");
        }
    }

    private static string NewTempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "satchel-settings-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static void CopyDir(string from, string to)
    {
        foreach (var d in Directory.GetDirectories(from, "*", SearchOption.AllDirectories))
            Directory.CreateDirectory(d.Replace(from, to));
        foreach (var f in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = f.Replace(from, to);
            File.Copy(f, target);
            File.SetAttributes(target, FileAttributes.Normal);
        }
    }

    public void Dispose()
    {
        App.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataDir, true); } catch (IOException) { }
    }
}
