using System.Reflection;

namespace Satchel.Tests.Support;

/// <summary>
/// Where things are: the repository (recorded at build time), the host's build output that the
/// process tests run, the test plugins published beside this assembly, and the shared PocketBase
/// fixture, which lives beside the repository (../shared/conformance/pb_data).
/// </summary>
public static class RepoPaths
{
    private static string Metadata(string key)
        => typeof(RepoPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value!;

    public static string RepoRoot { get; } = Metadata("RepoRoot");

    public static string Configuration { get; } = Metadata("Configuration");

    /// <summary>host/bin/&lt;Configuration&gt;/net10.0: satchel.dll with plugins.json and plugins/ beside it.</summary>
    public static string HostDir { get; } = Path.Combine(RepoRoot, "host", "bin", Configuration, "net10.0");

    public static string HostDll => Path.Combine(HostDir, "satchel.dll");

    /// <summary>test-plugins/&lt;name&gt;/&lt;name&gt;.dll, published by the test project's build.</summary>
    public static string TestPlugin(string name) => Path.Combine(AppContext.BaseDirectory, "test-plugins", name, name + ".dll");

    public static string FixtureDataDir { get; } = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "conformance", "pb_data"));
}
