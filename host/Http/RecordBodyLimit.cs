using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Satchel.Errors;
using Satchel.Models;
using Satchel.Models.Fields;
using Satchel.Records;

namespace Satchel.Http;

/// <summary>
/// The body limit of a record create or update, as PocketBase computes it per collection: the
/// default 32 MiB plus what the collection's file fields (per-file size × file count), editor and
/// JSON fields may carry. Applied before the body is read, so a big upload to a field that allows
/// it isn't cut off at the server-wide default.
/// </summary>
public static class RecordBodyLimit
{
    public static long For(Collection collection)
    {
        var limit = RecordFileUploads.MaxBodySize(collection);
        if (collection.IsView) return limit;
        foreach (var field in collection.Fields)
        {
            limit += field switch
            {
                EditorField editor => editor.EffectiveMaxSize,
                JsonField json => json.EffectiveMaxSize,
                _ => 0,
            };
        }
        return limit;
    }

    /// <summary>Raises (or lowers) the request's body limit to the collection's; a declared length above it is refused at once.</summary>
    public static void Apply(HttpContext http, Collection collection)
    {
        var limit = For(collection);
        if (http.Request.ContentLength > limit) throw ApiException.TooLarge();
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature) feature.MaxRequestBodySize = limit;
        // A multipart body would otherwise stop at ASP.NET Core's own 128 MiB form limit.
        if (http.Request.HasFormContentType && http.Features.Get<IFormFeature>()?.Form == null)
            http.Features.Set<IFormFeature>(new FormFeature(http.Request, new FormOptions { MultipartBodyLengthLimit = limit }));
    }
}
