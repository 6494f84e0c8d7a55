using Satchel.Core;
using Satchel.Tests.Support;

namespace Satchel.Tests.Settings;

/// <summary>
/// A <see cref="SatchelApp"/> over a temporary pb_data (empty, or a writable copy of the
/// PocketBase fixture), bootstrapped; disposing closes it and removes the folder.
/// </summary>
public sealed class SettingsTestApp : IDisposable
{
    private readonly TempDir _dir;

    public string DataDir => _dir.Path;
    public SatchelApp App { get; private set; }

    private SettingsTestApp(TempDir dir, string? key)
    {
        _dir = dir;
        try { App = Open(key); }
        catch { dir.Dispose(); throw; }
    }

    public static SettingsTestApp Empty(string? key = null) => new(TempDir.Create("satchel-settings"), key);

    public static SettingsTestApp FromFixture(string? key = null) => new(TempDir.CopyOf(RepoPaths.FixtureDataDir, "satchel-settings"), key);

    /// <summary>Closes the app and opens the same pb_data again (e.g. with another key); throws what bootstrapping throws.</summary>
    public SatchelApp Reopen(string? key = null)
    {
        App?.Dispose();
        App = null!;
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

    public void Dispose()
    {
        App?.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dir.Dispose();
    }
}
