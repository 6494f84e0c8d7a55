using Satchel.Core;
using Satchel.Tests.Support;

namespace Satchel.Tests.Auth;

/// <summary>An in-process app over a writable copy of the PocketBase fixture.</summary>
public sealed class FixtureApp : IDisposable
{
    private readonly TempDir _dir;

    public FixtureApp()
    {
        _dir = TempDir.CopyOf(RepoPaths.FixtureDataDir, "satchel-auth");
        App = new SatchelApp(_dir.Path, isDev: false);
        App.Bootstrap();
    }

    public SatchelApp App { get; }

    public string DataDir => _dir.Path;

    public void Dispose()
    {
        App.Dispose();
        _dir.Dispose();
    }
}
