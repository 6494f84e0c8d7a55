namespace Satchel.Tests.Plugins;

/// <summary>Broken plugin files made on the fly for the loading tests.</summary>
internal static class TestPluginFiles
{
    /// <summary>A "dll" made of random bytes, which no loader can read.</summary>
    public static string WriteCorruptDll(string dir, string name)
    {
        var path = Path.Combine(dir, name, name + ".dll");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
