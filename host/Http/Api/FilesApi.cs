using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Satchel.Auth;
using Satchel.Errors;
using Satchel.Files;
using Satchel.Hooks;
using Satchel.Models.Fields;

namespace Satchel.Http.Api;

/// <summary>
/// GET /api/files/{collection}/{recordId}/{filename}: a file of a record, only while the record
/// references it (protected ones need a file token and the view rule); with ?thumb= of a size the
/// field lists (or the default 100x100) and an image, its thumb — generated on first use, see
/// <see cref="ThumbStore"/> — or the original when none can be made. POST /api/files/token: a
/// short-lived file token for the signed-in record.
/// </summary>
public static class FilesApi
{
    private static readonly HashSet<string> ThumbableTypes = new(StringComparer.Ordinal)
        { "image/png", "image/jpg", "image/jpeg", "image/gif", "image/webp" };

    public static void Map(WebApplication web)
    {
        web.MapPost("/api/files/token", Token);
        web.MapMethods("/api/files/{collection}/{recordId}/{filename}", [HttpMethods.Get, HttpMethods.Head], Download);
    }

    private static Task Token(HttpContext http, IApp app)
    {
        var auth = http.RequireAuth();
        var e = new FileTokenRequestEvent(app, http, auth) { Token = app.Tokens.NewToken(auth, TokenTypes.File) };
        app.Hooks.OnFileTokenRequest.Trigger(e, ev => ev.Json(StatusCodes.Status200OK, new Dictionary<string, string> { ["token"] = ev.Token }));
        return RequestEventResponse.WriteAsync(e);
    }

    private static async Task Download(HttpContext http, IApp app, ThumbStore thumbs, string collection, string recordId, string filename)
    {
        var c = app.FindCollectionByNameOrId(collection) ?? throw ApiException.NotFound();
        if (recordId == "" || !FileKeys.IsPlainFilename(filename)) throw ApiException.NotFound();
        var record = app.FindRecordById(c.Id, recordId) ?? throw ApiException.NotFound();
        var field = c.Fields.OfType<FileField>().FirstOrDefault(f => MultiValue.Items(record.Get(f.Name)).Contains(filename))
            ?? throw ApiException.NotFound();

        if (field.Protected && !ProtectedFileAccess.Allows(app, http, record)) throw ApiException.NotFound();

        // A view's files are stored with the record they come from.
        var owner = c.IsView ? ViewFileSource.Find(app, c, filename) ?? throw ApiException.NotFound() : record;
        var ownerId = owner.Original("id") as string ?? owner.Id;

        // Without a storage backend there is no file to serve.
        var fs = app.Files.Active ?? throw ApiException.NotFound();

        var originalPath = FileKeys.RecordFile(owner.Collection, ownerId, filename);
        var e = new FileDownloadRequestEvent(app, http, c, record, field) { ServedPath = originalPath, ServedName = filename };

        var thumb = http.Request.Query["thumb"].ToString();
        if (thumb != "" && (thumb == ThumbSize.Default || field.Thumbs?.Contains(thumb) == true))
        {
            var original = await fs.GetAttributesAsync(originalPath, http.RequestAborted) ?? throw ApiException.NotFound();
            if (ThumbableTypes.Contains(original.ContentType) && ThumbSize.TryParse(thumb, out var size))
            {
                var thumbPath = FileKeys.Thumb(owner.Collection, ownerId, filename, thumb);
                e.ThumbError = await thumbs.EnsureAsync(fs, original, thumbPath, size, http.RequestAborted);
                if (e.ThumbError == null)
                {
                    e.ServedName = thumb + "_" + filename;
                    e.ServedPath = thumbPath;
                }
            }
        }
        if (thumb != "" && e.ThumbError == null && e.ServedPath == originalPath)
            e.ThumbError = new NotSupportedException($"the thumb size \"{thumb}\" or the original file format are not supported");

        // Files may be embedded anywhere; the sandboxing CSP keeps them harmless.
        http.Response.Headers.Remove("X-Frame-Options");

        (string Path, string Name)? serve = null;
        app.Hooks.OnFileDownloadRequest.Trigger(e, ev => serve = (ev.ServedPath, ev.ServedName));

        if (serve == null)
        {
            await RequestEventResponse.WriteAsync(e);
            return;
        }
        if (http.Response.HasStarted) return;

        bool served;
        try { served = await FileResponse.ServeAsync(http, fs, serve.Value.Path, serve.Value.Name); }
        catch (ArgumentException) { served = false; } // a key the storage refuses
        if (!served) throw ApiException.NotFound();
    }
}
