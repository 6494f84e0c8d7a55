using Autofac;
using Satchel.Files;
using SkiaSharp;

namespace Satchel.Plugins.Thumbs;

/// <summary>
/// Generates the image thumbs of GET /api/files/…?thumb=WxH (JPEG, PNG, GIF's first frame and
/// WebP) with SkiaSharp. The host stores and serves them; without this plugin thumb requests get
/// the original file.
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
        // Load the native Skia library now, so a distribution without it fails at start rather than at the first thumb.
        using var probe = new SKBitmap(1, 1);
    }
}
