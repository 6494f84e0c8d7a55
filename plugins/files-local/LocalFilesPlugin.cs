using Satchel.Files;

namespace Satchel.Plugins.FilesLocal;

/// <summary>Registers pb_data/storage as the "local" storage backend.</summary>
public sealed class LocalFilesPlugin : IPlugin
{
    public string Name => "files-local";

    public void Configure(IPluginContext context)
    {
        var storage = new LocalFileSystem(Path.Combine(context.App.DataDir, "storage"));
        context.App.Files.Register(FileSystemNames.Local, _ => storage);
    }
}
