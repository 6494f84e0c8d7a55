using Autofac;
using Satchel.Files;

namespace Satchel.Plugins.FilesS3;

/// <summary>
/// Registers the "s3" storage backend (used while settings.s3.enabled is on) and the S3 settings
/// test. The backend follows the settings at run time: changing them switches the bucket or
/// client without a restart.
/// </summary>
public sealed class S3FilesPlugin : IPlugin
{
    public string Name => "files-s3";

    public void Register(ContainerBuilder builder, PluginOptions options)
    {
        builder.RegisterType<S3Tester>().As<IS3Tester>().SingleInstance();
    }

    public void Configure(IPluginContext context)
    {
        var cache = new S3FileSystemCache();
        context.App.Files.Register(FileSystemNames.S3, app => cache.For(app.Settings.S3));
    }
}
