using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Satchel.Tests.Support;
using static Satchel.Tests.Settings.SettingsHttp;

namespace Satchel.Tests.Settings;

/// <summary>One server on a copy of the fixture, shared by tests that don't change the settings.</summary>
public sealed class FixtureServer : IAsyncLifetime
{
    public RunningServer Server { get; private set; } = null!;
    public async Task InitializeAsync() => Server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public sealed class SettingsApiTests(FixtureServer fixture) : IClassFixture<FixtureServer>
{
    private HttpClient Client => fixture.Server.Client;

    [Theory]
    [InlineData("GET", "/api/settings")]
    [InlineData("PATCH", "/api/settings")]
    [InlineData("POST", "/api/settings/test/s3")]
    [InlineData("POST", "/api/settings/test/email")]
    [InlineData("POST", "/api/settings/apple/generate-client-secret")]
    public async Task Only_superusers_get_in(string method, string url)
    {
        var (status, body) = await SendAsync(Client, new HttpMethod(method), url, null, "{}");
        Assert.Equal(401, status);
        Assert.Equal("{}", body!["data"]!.ToJsonString());

        (status, body) = await SendAsync(Client, new HttpMethod(method), url, UserToken, "{}");
        Assert.Equal(403, status);
        Assert.Equal("The authorized record is not allowed to perform this action.", (string?)body!["message"]);
    }

    [Fact]
    public async Task Get_answers_every_section_without_secrets()
    {
        var (status, body) = await SendAsync(Client, HttpMethod.Get, "/api/settings", SuperuserToken);
        Assert.Equal(200, status);
        foreach (var section in new[] { "meta", "logs", "smtp", "s3", "backups", "batch", "rateLimits", "trustedProxy", "superuserIPs" })
            Assert.NotNull(body![section]);
        Assert.Equal("acme_test", (string?)body!["meta"]!["appName"]);
        Assert.False(body["smtp"]!.AsObject().ContainsKey("password"));
        Assert.False(body["s3"]!.AsObject().ContainsKey("secret"));
    }

    [Fact]
    public async Task Get_honours_the_fields_parameter()
    {
        var (status, body) = await SendAsync(Client, HttpMethod.Get, "/api/settings?fields=meta.appName,batch", SuperuserToken);
        Assert.Equal(200, status);
        Assert.Equal(new[] { "batch", "meta" }, body!.AsObject().Select(p => p.Key).Order().ToArray());
        Assert.Equal(new[] { "appName" }, body["meta"]!.AsObject().Select(p => p.Key).ToArray());
    }

    [Fact]
    public async Task Invalid_update_answers_nested_errors_and_changes_nothing()
    {
        var (status, body) = await SendAsync(Client, HttpMethod.Patch, "/api/settings", SuperuserToken,
            """{"meta":{"appName":""},"smtp":{"enabled":true,"host":""},"backups":{"cron":"nope","cronMaxKeep":1}}""");
        Assert.Equal(400, status);
        Assert.Equal("An error occurred while saving the new settings.", (string?)body!["message"]);
        Assert.Equal("validation_required", CodeAt(body, "meta.appName"));
        Assert.Equal("validation_required", CodeAt(body, "smtp.host"));
        Assert.Equal("validation_invalid_cron", CodeAt(body, "backups.cron"));

        (_, body) = await SendAsync(Client, HttpMethod.Get, "/api/settings", SuperuserToken);
        Assert.Equal("acme_test", (string?)body!["meta"]!["appName"]);
    }

    [Fact]
    public async Task Update_with_a_value_of_the_wrong_type_is_a_400()
    {
        var (status, body) = await SendAsync(Client, HttpMethod.Patch, "/api/settings", SuperuserToken, """{"meta":{"appName":{"x":1}}}""");
        Assert.Equal(400, status);
        Assert.Equal("An error occurred while loading the submitted data.", (string?)body!["message"]);
    }

    [Fact]
    public async Task S3_test_validates_the_filesystem_name()
    {
        var (status, body) = await SendAsync(Client, HttpMethod.Post, "/api/settings/test/s3", SuperuserToken);
        Assert.Equal(400, status);
        Assert.Equal("validation_required", CodeAt(body, "filesystem"));

        (status, body) = await SendAsync(Client, HttpMethod.Post, "/api/settings/test/s3", SuperuserToken, """{"filesystem":"other"}""");
        Assert.Equal(400, status);
        Assert.Equal("validation_in_invalid", CodeAt(body, "filesystem"));
    }

    [Fact]
    public async Task S3_test_of_a_disabled_storage_says_so()
    {
        var (status, body) = await SendAsync(Client, HttpMethod.Post, "/api/settings/test/s3", SuperuserToken, """{"filesystem":"backups"}""");
        Assert.Equal(400, status);
        Assert.Equal("{}", body!["data"]!.ToJsonString());
        Assert.Contains("not enabled", (string?)body["message"]);
    }

    [Fact]
    public async Task Test_email_validates_its_form()
    {
        var (status, body) = await SendAsync(Client, HttpMethod.Post, "/api/settings/test/email", SuperuserToken, "{}");
        Assert.Equal(400, status);
        Assert.Equal("Failed to send the test email.", (string?)body!["message"]);
        Assert.Equal("validation_required", CodeAt(body, "email"));
        Assert.Equal("validation_required", CodeAt(body, "template"));

        (status, body) = await SendAsync(Client, HttpMethod.Post, "/api/settings/test/email", SuperuserToken,
            """{"email":"x","template":"nope","collection":"demo1"}""");
        Assert.Equal(400, status);
        Assert.Equal("validation_is_email", CodeAt(body, "email"));
        Assert.Equal("validation_in_invalid", CodeAt(body, "template"));
        Assert.Equal("validation_invalid_auth_collection", CodeAt(body, "collection"));
    }

    [Fact]
    public async Task Apple_secret_validates_and_generates()
    {
        var (status, body) = await SendAsync(Client, HttpMethod.Post, "/api/settings/apple/generate-client-secret", SuperuserToken, "{}");
        Assert.Equal(400, status);
        Assert.Equal("Invalid client secret data.", (string?)body!["message"]);
        foreach (var key in new[] { "clientId", "teamId", "keyId", "privateKey", "duration" })
            Assert.Equal("validation_required", CodeAt(body, key));

        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var form = new JsonObject
        {
            ["clientId"] = "com.example.app",
            ["teamId"] = "TEAM123456",
            ["keyId"] = "KEY1234567",
            ["privateKey"] = ec.ExportPkcs8PrivateKeyPem(),
            ["duration"] = 100,
        };
        (status, body) = await SendAsync(Client, HttpMethod.Post, "/api/settings/apple/generate-client-secret", SuperuserToken, form.ToJsonString());
        Assert.Equal(200, status);
        var jwt = new JsonWebToken((string)body!["secret"]!);
        Assert.Equal("ES256", jwt.Alg);
        Assert.Equal("TEAM123456", jwt.Issuer);
    }

    [Fact]
    public async Task Apple_secret_with_an_unusable_key_is_a_400()
    {
        var form = new JsonObject
        {
            ["clientId"] = "c",
            ["teamId"] = "TEAM123456",
            ["keyId"] = "KEY1234567",
            ["privateKey"] = "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----",
            ["duration"] = 100,
        };
        var (status, body) = await SendAsync(Client, HttpMethod.Post, "/api/settings/apple/generate-client-secret", SuperuserToken, form.ToJsonString());
        Assert.Equal(400, status);
        Assert.StartsWith("Failed to generate client secret.", (string?)body!["message"]);
    }
}
