using System.Diagnostics;
using System.Text.Json.Nodes;
using Satchel.Tests.Support;

namespace Satchel.Tests.Auth;

/// <summary>POST /api/collections/{collection}/auth-with-password over HTTP.</summary>
public class AuthWithPasswordTests : IClassFixture<AuthServer>
{
    private readonly AuthServer _server;

    public AuthWithPasswordTests(AuthServer server) => _server = server;

    private Task<ApiAnswer> SignIn(string collection, object body, string? token = null)
        => AuthHttp.PostAsync(_server.Client, $"/api/collections/{collection}/auth-with-password", body, token);

    [Fact]
    public async Task Email_and_password_answer_a_token_and_the_record()
    {
        var answer = await SignIn("clients", new { identity = "test@example.com", password = FixtureAuth.Password });

        Assert.Equal(200, answer.Status);
        var record = answer.Json["record"]!.AsObject();
        Assert.Equal(FixtureAuth.ClientId, record["id"]!.GetValue<string>());
        Assert.Equal("test@example.com", record["email"]!.GetValue<string>()); // shown to its owner although emailVisibility is off
        Assert.Equal("clients", record["collectionName"]!.GetValue<string>());
        Assert.False(record.ContainsKey("password"));
        Assert.False(record.ContainsKey("tokenKey"));

        var token = answer.Json["token"]!.GetValue<string>();
        var claims = Jwt.Claims(token);
        Assert.Equal(FixtureAuth.ClientId, claims["id"]!.GetValue<string>());
        Assert.Equal(FixtureAuth.ClientsCollectionId, claims["collectionId"]!.GetValue<string>());
        Assert.Equal("auth", claims["type"]!.GetValue<string>());
        Assert.True(claims["refreshable"]!.GetValue<bool>());
        Assert.True(Jwt.HasValidSignature(token, FixtureAuth.SigningKey(_server.DataDir, "clients", FixtureAuth.ClientId)));
    }

    [Fact]
    public async Task The_issued_token_authenticates_later_requests()
    {
        var answer = await SignIn("clients", new { identity = "test@example.com", password = FixtureAuth.Password });
        var refresh = await AuthHttp.PostAsync(_server.Client, "/api/collections/clients/auth-refresh", token: answer.Json["token"]!.GetValue<string>());
        Assert.Equal(200, refresh.Status);
    }

    [Fact]
    public async Task Username_is_an_identity_too()
    {
        var answer = await SignIn("clients", new { identity = "clients57772", password = FixtureAuth.Password });
        Assert.Equal(200, answer.Status);
        Assert.Equal("clients57772", answer.Json["record"]!["username"]!.GetValue<string>());
    }

    [Fact]
    public async Task Explicit_identity_field_is_the_only_one_searched()
    {
        var matched = await SignIn("clients", new { identityField = "username", identity = "clients57772", password = FixtureAuth.Password });
        Assert.Equal(200, matched.Status);

        var mismatched = await SignIn("clients", new { identityField = "username", identity = "test@example.com", password = FixtureAuth.Password });
        Assert.Equal(400, mismatched.Status);
        Assert.Equal("Failed to authenticate.", mismatched.Json["message"]!.GetValue<string>());
        Assert.Empty(mismatched.Json["data"]!.AsObject());
    }

    [Fact]
    public async Task Identity_field_must_be_one_of_the_collection_identity_fields()
    {
        var answer = await SignIn("clients", new { identityField = "created", identity = "test@example.com", password = FixtureAuth.Password });
        Assert.Equal(400, answer.Status);
        Assert.Equal("validation_in_invalid", answer.Json["data"]!["identityField"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Identity_and_password_are_required()
    {
        var answer = await SignIn("clients", new { identity = "", password = "" });
        Assert.Equal(400, answer.Status);
        Assert.Equal("validation_required", answer.Json["data"]!["identity"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_required", answer.Json["data"]!["password"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Overlong_values_are_refused()
    {
        var answer = await SignIn("clients", new { identity = new string('a', 256), password = FixtureAuth.Password });
        Assert.Equal(400, answer.Status);
        Assert.Equal("validation_length_out_of_range", answer.Json["data"]!["identity"]!["code"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{\"identity")]
    [InlineData("{\"identity\":123,\"password\":\"1234567890\"}")]
    [InlineData("[]")]
    public async Task Malformed_body_is_a_400_with_empty_data(string body)
    {
        var answer = await SignIn("clients", body);
        Assert.Equal(400, answer.Status);
        Assert.Empty(answer.Json["data"]!.AsObject());
    }

    [Fact]
    public async Task Multipart_form_is_accepted()
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent("test@example.com"), "identity" },
            { new StringContent(FixtureAuth.Password), "password" },
        };
        var answer = await SignIn("clients", form);
        Assert.Equal(200, answer.Status);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_identity_get_the_same_answer()
    {
        var wrongPassword = await SignIn("clients", new { identity = "test@example.com", password = "wrong-password" });
        var unknownIdentity = await SignIn("clients", new { identity = "nobody@example.com", password = "wrong-password" });

        Assert.Equal(400, wrongPassword.Status);
        Assert.Equal(wrongPassword.Raw, unknownIdentity.Raw);
        Assert.Equal("Failed to authenticate.", wrongPassword.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Unknown_identity_spends_about_the_time_of_a_password_comparison()
    {
        // warm up both paths (JIT, dummy hash)
        await SignIn("clients", new { identity = "test@example.com", password = "wrong-password" });
        await SignIn("clients", new { identity = "nobody@example.com", password = "wrong-password" });

        async Task<double> Median(object body)
        {
            var times = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var sw = Stopwatch.StartNew();
                await SignIn("clients", body);
                times.Add(sw.Elapsed.TotalMilliseconds);
            }
            return times.Order().ElementAt(2);
        }

        var known = await Median(new { identity = "test@example.com", password = "wrong-password" });
        var unknown = await Median(new { identity = "nobody@example.com", password = "wrong-password" });
        Assert.True(unknown >= known * 0.3, $"unknown identity answered in {unknown} ms, a wrong password in {known} ms");
    }

    [Fact]
    public async Task Identities_are_case_sensitive_without_a_nocase_index()
    {
        Assert.Equal(400, (await SignIn("clients", new { identity = "TEST@example.com", password = FixtureAuth.Password })).Status);
        Assert.Equal(400, (await SignIn("clients", new { identity = "Clients57772", password = FixtureAuth.Password })).Status);
    }

    [Fact]
    public async Task Unverified_record_fails_the_collection_auth_rule()
    {
        // clients has authRule "verified=true"
        var answer = await SignIn("clients", new { identity = "test2@example.com", password = FixtureAuth.Password });
        Assert.Equal(403, answer.Status);
        Assert.Empty(answer.Json["data"]!.AsObject());
    }

    [Fact]
    public async Task Disabled_password_auth_is_forbidden()
    {
        var answer = await SignIn("nologin", new { identity = "test@example.com", password = FixtureAuth.Password });
        Assert.Equal(403, answer.Status);
        Assert.Equal("The collection is not configured to allow password authentication.", answer.Json["message"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("demo1")]
    [InlineData("missing")]
    public async Task Non_auth_or_missing_collection_is_404(string collection)
    {
        var answer = await SignIn(collection, new { identity = "test@example.com", password = FixtureAuth.Password });
        Assert.Equal(404, answer.Status);
        Assert.Empty(answer.Json["data"]!.AsObject());
    }

    [Fact]
    public async Task An_already_authenticated_request_can_sign_in_as_another_record()
    {
        var answer = await SignIn("clients", new { identity = "test@example.com", password = FixtureAuth.Password }, FixtureAuth.UserToken);
        Assert.Equal(200, answer.Status);
        Assert.Equal(FixtureAuth.ClientId, answer.Json["record"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Superusers_sign_in_the_same_way()
    {
        var answer = await SignIn("_superusers", new { identity = "test@example.com", password = FixtureAuth.Password });
        Assert.Equal(200, answer.Status);
        Assert.Equal(FixtureAuth.SuperuserId, answer.Json["record"]!["id"]!.GetValue<string>());
        Assert.False(answer.Json["record"]!.AsObject().ContainsKey("password"));
        Assert.Equal(FixtureAuth.SuperusersCollectionId, Jwt.Claims(answer.Json["token"]!.GetValue<string>())["collectionId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Fields_query_picks_from_the_whole_answer()
    {
        var answer = await AuthHttp.PostAsync(_server.Client, "/api/collections/clients/auth-with-password?fields=token,record.id",
            new { identity = "test@example.com", password = FixtureAuth.Password });
        Assert.Equal(200, answer.Status);
        Assert.Equal(new[] { "record", "token" }, answer.Json.Select(p => p.Key).Order());
        Assert.Equal(new[] { "id" }, answer.Json["record"]!.AsObject().Select(p => p.Key));
    }
}
