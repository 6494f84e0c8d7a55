using Satchel.Core;

namespace Satchel.Tests.Support;

/// <summary>A bootstrapped <see cref="SatchelApp"/> over a temporary pb_data, disposed with it.</summary>
public sealed class TestApp : IDisposable
{
    public TestDataDir Dir { get; }
    public SatchelApp App { get; }

    private TestApp(TestDataDir dir)
    {
        Dir = dir;
        App = new SatchelApp(dir.Path, isDev: false);
        App.Bootstrap();
    }

    /// <summary>A fresh pb_data: only the default collections.</summary>
    public static TestApp Fresh() => new(TestDataDir.Empty());

    /// <summary>A copy of the PocketBase fixture.</summary>
    public static TestApp Fixture() => new(TestDataDir.FixtureCopy());

    public void Dispose()
    {
        App.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Dir.Dispose();
    }
}
