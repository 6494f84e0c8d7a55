using System.Net;
using System.Text.Json.Nodes;
using Satchel.Tests.Records;
using SkiaSharp;
using static Satchel.Tests.Files.TestImages;

namespace Satchel.Tests.Files;

/// <summary>
/// GET /api/files/…?thumb=: thumbs generated on first use by the thumbs plugin, stored beside the
/// original at PocketBase's key and reused, deleted with their file (on each storage backend).
/// </summary>
public abstract class FileThumbTests<TServer>(TServer fx) : IClassFixture<TServer> where TServer : FilesServer
{
    private const string Gallery = "thumbs_gallery";
    private static readonly string[] Sizes = ["120x80", "120x80t", "120x80b", "120x80f", "0x60", "90x0", "60x60", "50x50", "40x40", "30x30", "9000x9000"];
    private RecordsApi Api => fx.Api;

    /// <summary>A collection with an image field listing <see cref="Sizes"/> and a protected one; created once per server.</summary>
    private async Task<string> GalleryId()
    {
        var existing = await Api.Get("/api/collections/" + Gallery, Fixture.Superuser);
        if (existing.Status == 200) return existing.Str("id")!;
        var created = await Api.Post("/api/collections", new
        {
            name = Gallery,
            type = "base",
            listRule = "",
            viewRule = "@request.auth.id != \"\"",
            createRule = "",
            updateRule = "",
            deleteRule = "",
            fields = new object[]
            {
                new { name = "images", type = "file", maxSelect = 10, maxSize = 20 << 20, thumbs = Sizes },
                new { name = "secret", type = "file", maxSelect = 1, maxSize = 20 << 20, @protected = true },
            },
        }, Fixture.Superuser);
        Assert.True(created.Status == 200, created.ToString());
        return created.Str("id")!;
    }

    private sealed record Uploaded(string CollectionId, string RecordId, List<string> Names)
    {
        public string Url(int i = 0, string query = "") => $"/api/files/{Gallery}/{RecordId}/{Names[i]}" + (query == "" ? "" : "?" + query);
        public string Key(int i = 0) => $"{CollectionId}/{RecordId}/{Names[i]}";
        public string ThumbsDir(int i = 0) => $"{CollectionId}/{RecordId}/thumbs_{Names[i]}/";
        public string ThumbKey(string size, int i = 0) => ThumbsDir(i) + size + "_" + Names[i];
    }

    private async Task<Uploaded> Upload(string field, params (string Name, byte[] Content, string Type)[] files)
    {
        var collectionId = await GalleryId();
        var form = RecordsApi.Form();
        foreach (var (name, content, type) in files) form.Add(Part(content, type), field, name);
        var created = await Api.Post(Fixture.List(Gallery), form);
        Assert.True(created.Status == 200, created.ToString());
        var value = created.Json[field]!;
        var names = value is JsonArray many ? many.Select(n => n!.GetValue<string>()).ToList() : [value.GetValue<string>()];
        return new Uploaded(collectionId, created.Str("id")!, names);
    }

    private async Task<(HttpResponseMessage Response, byte[] Body)> Fetch(string url)
    {
        var res = await fx.Server.Client.GetAsync(url);
        return (res, await res.Content.ReadAsByteArrayAsync());
    }

    private async Task<Decoded> Thumb(Uploaded file, string size, int i = 0)
    {
        var (res, body) = await Fetch(file.Url(i, "thumb=" + size));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        return Decode(body);
    }

    [Fact]
    public async Task Crops_cover_the_box_from_the_centre_top_or_bottom()
    {
        // Top half red, bottom half blue: the crops keep different parts of it.
        var file = await Upload("images", ("tall.png", Halves(200, 400, SKEncodedImageFormat.Png), "image/png"));

        using var center = await Thumb(file, "120x80");
        Assert.Equal((120, 80), (center.Width, center.Height));
        Assert.True(Near(center.Pixel(60, 3), Red) && Near(center.Pixel(60, 76), Blue));

        using var top = await Thumb(file, "120x80t");
        Assert.Equal((120, 80), (top.Width, top.Height));
        Assert.True(Near(top.Pixel(60, 3), Red) && Near(top.Pixel(60, 76), Red));

        using var bottom = await Thumb(file, "120x80b");
        Assert.Equal((120, 80), (bottom.Width, bottom.Height));
        Assert.True(Near(bottom.Pixel(60, 3), Blue) && Near(bottom.Pixel(60, 76), Blue));
    }

    [Fact]
    public async Task Fit_and_single_side_sizes_keep_the_aspect_ratio()
    {
        var file = await Upload("images",
            ("wide.jpg", Halves(400, 200, SKEncodedImageFormat.Jpeg, vertical: false), "image/jpeg"),
            ("small.jpg", Solid(50, 20, Green, SKEncodedImageFormat.Jpeg), "image/jpeg"));

        foreach (var (size, width, height) in new[] { ("120x80f", 120, 60), ("0x60", 120, 60), ("90x0", 90, 45) })
        {
            using var thumb = await Thumb(file, size);
            Assert.Equal((width, height), (thumb.Width, thumb.Height));
            Assert.True(Near(thumb.Pixel(2, height / 2), Red) && Near(thumb.Pixel(width - 3, height / 2), Blue), size);
        }

        // "f" never enlarges; the other sizes do.
        using var fit = await Thumb(file, "120x80f", 1);
        Assert.Equal((50, 20), (fit.Width, fit.Height));
        using var resized = await Thumb(file, "90x0", 1);
        Assert.Equal((90, 36), (resized.Width, resized.Height));
    }

    [Fact]
    public async Task Jpeg_thumbs_are_jpegs_served_inline_under_the_thumb_name()
    {
        var file = await Upload("images", ("photo.jpg", Solid(300, 300, Green, SKEncodedImageFormat.Jpeg), "image/jpeg"));
        var (res, body) = await Fetch(file.Url(0, "thumb=60x60"));

        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("image/jpeg", res.Content.Headers.ContentType!.ToString());
        Assert.Equal($"inline; filename=60x60_{file.Names[0]}", string.Join(",", res.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal("max-age=2592000, stale-while-revalidate=86400", res.Headers.CacheControl!.ToString());
        Assert.Contains("sandbox", string.Join(",", res.Headers.GetValues("Content-Security-Policy")));
        using var thumb = Decode(body);
        Assert.Equal(SKEncodedImageFormat.Jpeg, thumb.Format);
        Assert.Equal((60, 60), (thumb.Width, thumb.Height));
        Assert.True(Near(thumb.Pixel(30, 30), Green));
        Assert.Equal("image/jpeg", (await fx.Storage.DescribeAsync(file.ThumbKey("60x60")))!.Value.ContentType);
    }

    [Fact]
    public async Task Gif_thumbs_are_still_gifs_of_the_first_frame()
    {
        var file = await Upload("images", ("anim.gif", TwoFrameGif(80, 40), "image/gif"));
        using (var original = Decode((await Fetch(file.Url())).Body)) Assert.Equal(2, original.FrameCount);

        var (res, body) = await Fetch(file.Url(0, "thumb=30x30"));
        Assert.Equal("image/gif", res.Content.Headers.ContentType!.ToString());
        using var thumb = Decode(body);
        Assert.Equal(SKEncodedImageFormat.Gif, thumb.Format);
        Assert.Equal(1, thumb.FrameCount);
        Assert.Equal((30, 30), (thumb.Width, thumb.Height));
        Assert.True(Near(thumb.Pixel(15, 15), Red, 0));
    }

    [Fact]
    public async Task Webp_thumbs_are_pngs_as_in_PocketBase()
    {
        var file = await Upload("images", ("pic.webp", Halves(160, 160, SKEncodedImageFormat.Webp), "image/webp"));
        var (res, body) = await Fetch(file.Url(0, "thumb=40x40"));

        Assert.Equal("image/png", res.Content.Headers.ContentType!.ToString());
        Assert.Equal($"inline; filename=40x40_{file.Names[0]}", string.Join(",", res.Content.Headers.GetValues("Content-Disposition")));
        using var thumb = Decode(body);
        Assert.Equal(SKEncodedImageFormat.Png, thumb.Format);
        Assert.Equal((40, 40), (thumb.Width, thumb.Height));
        Assert.True(Near(thumb.Pixel(20, 2), Red) && Near(thumb.Pixel(20, 37), Blue));
    }

    [Fact]
    public async Task Png_thumbs_keep_transparency()
    {
        var file = await Upload("images", ("clear.png", HalfTransparentPng(200, 200), "image/png"));
        using var thumb = await Thumb(file, "50x50");

        Assert.Equal((50, 50), (thumb.Width, thumb.Height));
        Assert.Equal(0, thumb.Pixel(5, 25).Alpha);
        Assert.True(Near(thumb.Pixel(45, 25), Green));
    }

    [Fact]
    public async Task Unknown_sizes_non_images_and_undecodable_images_get_the_original()
    {
        var png = Halves(100, 100, SKEncodedImageFormat.Png);
        var broken = png[..60]; // a PNG signature and header, then nothing
        var file = await Upload("images", ("a.png", png, "image/png"), ("notes.txt", "just text"u8.ToArray(), "text/plain"), ("broken.png", broken, "image/png"));

        foreach (var (index, size, original) in new[] { (0, "77x77", png), (0, "abc", png), (1, "60x60", "just text"u8.ToArray()), (2, "60x60", broken) })
        {
            var (res, body) = await Fetch(file.Url(index, "thumb=" + size));
            Assert.Equal(HttpStatusCode.OK, res.StatusCode);
            Assert.Equal(original, body);
            Assert.Equal($"filename={file.Names[index]}", string.Join(",", res.Content.Headers.GetValues("Content-Disposition")).Split("; ")[1]);
            Assert.Empty(await fx.Storage.KeysAsync(file.ThumbsDir(index)));
        }
    }

    [Fact]
    public async Task Images_too_large_to_decode_safely_get_the_original()
    {
        // 100 megapixels in a few kilobytes.
        var bomb = HugeBlankPng(10_000, 10_000);
        var file = await Upload("images", ("bomb.png", bomb, "image/png"));

        var (res, body) = await Fetch(file.Url(0, "thumb=50x50"));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal(bomb, body);
        Assert.Empty(await fx.Storage.KeysAsync(file.ThumbsDir()));

        // A listed size beyond the thumb limit is not made either.
        var photo = await Upload("images", ("photo.png", Solid(40, 40, Green, SKEncodedImageFormat.Png), "image/png"));
        var (big, bigBody) = await Fetch(photo.Url(0, "thumb=9000x9000"));
        Assert.Equal(HttpStatusCode.OK, big.StatusCode);
        using var original = Decode(bigBody);
        Assert.Equal((40, 40), (original.Width, original.Height));
    }

    [Fact]
    public async Task The_default_size_is_stored_at_PocketBase_key_and_reused()
    {
        // 100x100 isn't in the field's list: every field offers it.
        var file = await Upload("images", ("photo.png", Halves(300, 200, SKEncodedImageFormat.Png), "image/png"));
        using (var first = await Thumb(file, "100x100")) Assert.Equal((100, 100), (first.Width, first.Height));

        Assert.Equal([file.ThumbKey("100x100")], await fx.Storage.KeysAsync(file.ThumbsDir()));
        Assert.Equal("image/png", (await fx.Storage.DescribeAsync(file.ThumbKey("100x100")))!.Value.ContentType);

        // What is stored is what is served from then on: nothing is generated again.
        var marker = Solid(7, 7, Blue, SKEncodedImageFormat.Png);
        await fx.Storage.ReplaceAsync(file.ThumbKey("100x100"), marker);
        var (_, again) = await Fetch(file.Url(0, "thumb=100x100"));
        Assert.Equal(marker, again);
    }

    [Fact]
    public async Task Concurrent_requests_for_a_new_thumb_all_get_it_and_it_is_stored_once()
    {
        var file = await Upload("images", ("photo.jpg", Halves(600, 600, SKEncodedImageFormat.Jpeg), "image/jpeg"));
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Fetch(file.Url(0, "thumb=60x60"))));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.Response.StatusCode));
        Assert.All(answers, a => Assert.Equal(answers[0].Body, a.Body));
        Assert.Equal([file.ThumbKey("60x60")], await fx.Storage.KeysAsync(file.ThumbsDir()));
        using var thumb = Decode(answers[0].Body);
        Assert.Equal((60, 60), (thumb.Width, thumb.Height));
    }

    [Fact]
    public async Task Thumbs_go_with_their_file_and_their_record()
    {
        var png = Halves(100, 100, SKEncodedImageFormat.Png);
        var file = await Upload("images", ("one.png", png, "image/png"), ("two.png", png, "image/png"), ("three.png", png, "image/png"));
        for (var i = 0; i < 3; i++)
        {
            (await Thumb(file, "40x40", i)).Dispose();
            (await Thumb(file, "30x30", i)).Dispose();
            Assert.Equal(2, (await fx.Storage.KeysAsync(file.ThumbsDir(i))).Count);
        }

        var removed = await Api.Patch(Fixture.One(Gallery, file.RecordId), new JsonObject { ["images-"] = file.Names[0] });
        Assert.Equal(200, removed.Status);
        Assert.False(await fx.Storage.FolderRemainsAsync(file.ThumbsDir(0)));
        Assert.Equal(2, (await fx.Storage.KeysAsync(file.ThumbsDir(1))).Count);

        var deleted = await Api.Delete(Fixture.One(Gallery, file.RecordId));
        Assert.Equal(204, deleted.Status);
        Assert.Empty(await fx.Storage.KeysAsync($"{file.CollectionId}/{file.RecordId}/"));
    }

    [Fact]
    public async Task Protected_thumbs_need_a_file_token_like_their_original()
    {
        var file = await Upload("secret", ("secret.png", Halves(100, 100, SKEncodedImageFormat.Png), "image/png"));

        var (guest, _) = await Fetch(file.Url(0, "thumb=100x100"));
        Assert.Equal(HttpStatusCode.NotFound, guest.StatusCode);
        Assert.Empty(await fx.Storage.KeysAsync(file.ThumbsDir()));

        var token = (await Api.Post("/api/files/token", null, Fixture.User)).Str("token");
        var (res, body) = await Fetch(file.Url(0, "thumb=100x100&token=" + token));
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        using var thumb = Decode(body);
        Assert.Equal((100, 100), (thumb.Width, thumb.Height));
    }
}

public sealed class LocalFileThumbTests(LocalFilesServer fx) : FileThumbTests<LocalFilesServer>(fx);

public sealed class S3FileThumbTests(S3FilesServer fx) : FileThumbTests<S3FilesServer>(fx);
