namespace Satchel.Files;

/// <summary>
/// Makes image thumbs for GET /api/files/…?thumb=. A plugin registers one in the container; the
/// host stores what it returns beside the original (once per size) and serves it from then on.
/// Without one, thumb requests get the original file, as for a size PocketBase doesn't know.
/// </summary>
public interface IThumbGenerator
{
    /// <summary>
    /// Makes a thumb of <paramref name="original"/> (a seekable stream of the whole file, stored
    /// with <paramref name="contentType"/>). Null when it can't — not an image it decodes, or one
    /// too large to decode safely — so that the original is served instead. Runs on a worker
    /// thread; an exception counts as "can't" too.
    /// </summary>
    GeneratedThumb? Generate(Stream original, string contentType, ThumbSize size);
}

/// <summary>An encoded thumb and the content type to store it with.</summary>
public sealed record GeneratedThumb(byte[] Content, string ContentType);
