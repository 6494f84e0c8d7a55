using Autofac;
using Satchel.Files;

namespace Satchel.Plugins.Thumbs;

/// <summary>
/// Generates the image thumbs of GET /api/files/…?thumb=WxH (JPEG, PNG, GIF's first frame and
/// WebP) with SkiaSharp. The host stores and serves them; without this plugin thumb requests get
/// the original file. The native Skia library is loaded at the first thumb, not at start-up
/// (it adds about 9 MB to the resident memory); should it fail to load, thumb requests get the
/// original and the cause is logged.
/// </summary>
public sealed class ThumbsPlugin : IPlugin
{
    public string Name => "thumbs";

    public void Register(ContainerBuilder builder, PluginOptions options)
    {
        builder.RegisterType<SkiaThumbGenerator>().As<IThumbGenerator>().SingleInstance();
    }

    public void Configure(IPluginContext context)
    {
    }
}
