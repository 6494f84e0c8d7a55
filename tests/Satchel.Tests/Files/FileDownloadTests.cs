using System.Net;
using System.Net.Http.Headers;
using Satchel.Tests.Records;

namespace Satchel.Tests.Files;

/// <summary>GET /api/files/… over the fixture's stored files.</summary>
public sealed class FileDownloadTests(FilesServer fx) : IClassFixture<FilesServer>
{
    private const string Avatar = "/api/files/_pb_users_auth_/4q1xlclmfloku33/300_1SEi6Q6U72.png";
    private const string ProtectedPng = "/api/files/demo1/al1h9ijdeojtsjy/300_Jsjq7RdBgA.png";
    private HttpClient Client => fx.Server.Client;

    private async Task<HttpResponseMessage> Get(string url, Action<HttpRequestMessage>? setup = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Get, url);
        setup?.Invoke(request);
        return await Client.SendAsync(request);
    }

    [Fact]
    public async Task Serves_an_image_inline_with_PocketBase_headers()
    {
        using var res = await Get(Avatar);
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("image/png", res.Content.Headers.ContentType!.ToString());
        Assert.Equal("inline; filename=300_1SEi6Q6U72.png", string.Join(",", res.Content.Headers.GetValues("Content-Disposition")));
        Assert.Equal("default-src 'none'; media-src 'self'; style-src 'unsafe-inline'; sandbox", string.Join(",", res.Headers.GetValues("Content-Security-Policy")));
        Assert.Equal("max-age=2592000, stale-while-revalidate=86400", res.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", string.Join(",", res.Headers.GetValues("X-Content-Type-Options")));
        Assert.NotNull(res.Headers.ETag);
        Assert.NotNull(res.Content.Headers.LastModified);
        var bytes = await res.Content.ReadAsByteArrayAsync();
        Assert.Equal(new FileInfo(Path.Combine(fx.Server.DataDir, "storage", "_pb_users_auth_", "4q1xlclmfloku33", "300_1SEi6Q6U72.png")).Length, bytes.Length);
    }

    [Fact]
    public async Task Download_forces_an_attachment()
    {
        using var res = await Get(Avatar + "?download=1");
        Assert.StartsWith("attachment; filename=300_1SEi6Q6U72.png", string.Join(",", res.Content.Headers.GetValues("Content-Disposition")));
    }

    [Fact]
    public async Task Text_files_download_as_attachments_with_their_stored_type()
    {
        using var res = await Get("/api/files/demo1/84nmscqy84lsi1t/test_QZFjKjXchk.txt");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", res.Content.Headers.ContentType!.ToString());
        Assert.StartsWith("attachment;", string.Join(",", res.Content.Headers.GetValues("Content-Disposition")));
    }

    [Fact]
    public async Task Answers_ranges_and_conditional_requests()
    {
        using var range = await Get(Avatar, r => r.Headers.Range = new RangeHeaderValue(0, 7));
        Assert.Equal(HttpStatusCode.PartialContent, range.StatusCode);
        Assert.Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], await range.Content.ReadAsByteArrayAsync());
        Assert.Equal(0, range.Content.Headers.ContentRange!.From);

        using var first = await Get(Avatar);
        using var again = await Get(Avatar, r => r.Headers.IfNoneMatch.Add(first.Headers.ETag!));
        Assert.Equal(HttpStatusCode.NotModified, again.StatusCode);

        using var head = await Get(Avatar, method: HttpMethod.Head);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    [Theory]
    [InlineData("/api/files/missing/4q1xlclmfloku33/300_1SEi6Q6U72.png")]
    [InlineData("/api/files/users/missing/300_1SEi6Q6U72.png")]
    [InlineData("/api/files/users/4q1xlclmfloku33/missing.png")]
    // a file of another record of the collection
    [InlineData("/api/files/users/oap640cot4yru2s/300_1SEi6Q6U72.png")]
    // an existing stored file the record doesn't reference (a thumb)
    [InlineData("/api/files/users/4q1xlclmfloku33/100x100_300_1SEi6Q6U72.png")]
    [InlineData("/api/files/users/4q1xlclmfloku33/..%2F..%2F..%2Fdata.db")]
    [InlineData("/api/files/users/4q1xlclmfloku33/%2E%2E")]
    [InlineData("/api/files/users/..%2F4q1xlclmfloku33/300_1SEi6Q6U72.png")]
    public async Task Anything_but_a_referenced_file_is_not_found(string url)
    {
        using var res = await Get(url);
        Assert.Equal(HttpStatusCode.NotFound, res.StatusCode);
        Assert.Contains("\"data\":{}", await res.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Protected_files_need_a_file_token_that_passes_the_view_rule()
    {
        using var guest = await Get(ProtectedPng);
        Assert.Equal(HttpStatusCode.NotFound, guest.StatusCode);

        // The Authorization header doesn't count, only ?token=.
        using var header = await Get(ProtectedPng, r => r.Headers.TryAddWithoutValidation("Authorization", Fixture.Superuser));
        Assert.Equal(HttpStatusCode.NotFound, header.StatusCode);

        var superuserToken = await FileToken(Fixture.Superuser);
        using var superuser = await Get(ProtectedPng + "?token=" + superuserToken);
        Assert.Equal(HttpStatusCode.OK, superuser.StatusCode);

        // demo1's view rule is superusers only
        var userToken = await FileToken(Fixture.User);
        using var user = await Get(ProtectedPng + "?token=" + userToken);
        Assert.Equal(HttpStatusCode.NotFound, user.StatusCode);

        // an auth token is not a file token
        using var wrongType = await Get(ProtectedPng + "?token=" + Fixture.Superuser);
        Assert.Equal(HttpStatusCode.NotFound, wrongType.StatusCode);
    }

    [Fact]
    public async Task File_tokens_require_an_authenticated_record()
    {
        var guest = await fx.Api.Post("/api/files/token", null);
        Assert.Equal(401, guest.Status);

        var token = await FileToken(Fixture.User);
        var payload = System.Text.Json.Nodes.JsonNode.Parse(Base64Url(token.Split('.')[1]))!;
        Assert.Equal("file", (string?)payload["type"]);
        Assert.Equal(Fixture.UserId, (string?)payload["id"]);
    }

    [Fact]
    public async Task Files_of_a_view_come_from_the_source_record()
    {
        using var res = await Get("/api/files/view2/84nmscqy84lsi1t/test_QZFjKjXchk.txt");
        Assert.Equal(HttpStatusCode.OK, res.StatusCode);
        Assert.Equal("test", (await res.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task Known_thumb_sizes_serve_the_stored_thumb_and_others_the_original()
    {
        using var original = await Get(Avatar);
        var originalLength = (await original.Content.ReadAsByteArrayAsync()).Length;

        using var thumb = await Get(Avatar + "?thumb=70x50t");
        Assert.Equal(HttpStatusCode.OK, thumb.StatusCode);
        Assert.NotEqual(originalLength, (await thumb.Content.ReadAsByteArrayAsync()).Length);
        Assert.Contains("filename=70x50t_300_1SEi6Q6U72.png", string.Join(",", thumb.Content.Headers.GetValues("Content-Disposition")));

        using var unknown = await Get(Avatar + "?thumb=999x999");
        Assert.Equal(originalLength, (await unknown.Content.ReadAsByteArrayAsync()).Length);
    }

    private async Task<string> FileToken(string auth)
    {
        var answer = await fx.Api.Post("/api/files/token", null, auth);
        Assert.Equal(200, answer.Status);
        return answer.Str("token")!;
    }

    private static string Base64Url(string s)
    {
        s = s.Replace('-', '+').Replace('_', '/');
        return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(s.PadRight(s.Length + (4 - s.Length % 4) % 4, '=')));
    }
}
