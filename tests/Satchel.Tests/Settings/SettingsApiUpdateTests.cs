using System.Text;
using System.Text.Json.Nodes;
using Dapper;
using Satchel.Settings;
using Satchel.Tests.Support;
using static Satchel.Tests.Settings.SettingsHttp;

namespace Satchel.Tests.Settings;

/// <summary>Tests that change the settings, each on its own server.</summary>
public sealed class SettingsApiUpdateTests
{
    private static JsonNode StoredSettings(string dataDir, string? key = null) => DataDb.Query(dataDir, c =>
    {
        var value = c.ExecuteScalar<object>("SELECT value FROM _params WHERE id = 'settings'");
        var text = value is byte[] b ? Encoding.UTF8.GetString(b) : (string)value!;
        return JsonNode.Parse(key == null ? Encoding.UTF8.GetBytes(text) : SettingsCipher.Decrypt(text, key))!;
    });

    [Fact]
    public async Task Update_merges_saves_and_answers_the_masked_settings()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });

        var (status, body) = await SendAsync(server.Client, HttpMethod.Patch, "/api/settings", SuperuserToken,
            """{"meta":{"appName":"update_test"},"smtp":{"password":"smtp-pass"},"s3":{"secret":"s3-secret"}}""");
        Assert.Equal(200, status);
        Assert.Equal("update_test", (string?)body!["meta"]!["appName"]);
        Assert.Equal("http://localhost:8090", (string?)body["meta"]!["appURL"]);
        var text = body.ToJsonString();
        Assert.DoesNotContain("secret", text);
        Assert.DoesNotContain("password", text);

        // A later update that leaves the secrets out keeps them.
        (status, _) = await SendAsync(server.Client, HttpMethod.Patch, "/api/settings", SuperuserToken, """{"smtp":{"host":"mail.example.com"}}""");
        Assert.Equal(200, status);
        var stored = StoredSettings(server.DataDir);
        Assert.Equal("smtp-pass", (string?)stored["smtp"]!["password"]);
        Assert.Equal("s3-secret", (string?)stored["s3"]!["secret"]);
        Assert.Equal("mail.example.com", (string?)stored["smtp"]!["host"]);
        Assert.Equal("update_test", (string?)stored["meta"]!["appName"]);

        (_, body) = await SendAsync(server.Client, HttpMethod.Get, "/api/settings", SuperuserToken);
        Assert.Equal("mail.example.com", (string?)body!["smtp"]!["host"]);
    }

    [Fact]
    public async Task Empty_update_answers_the_current_settings()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
        var (status, body) = await SendAsync(server.Client, HttpMethod.Patch, "/api/settings", SuperuserToken, "");
        Assert.Equal(200, status);
        Assert.Equal("acme_test", (string?)body!["meta"]!["appName"]);
    }

    [Fact]
    public async Task S3_test_of_an_enabled_storage_without_an_s3_plugin_says_so()
    {
        await using var server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true });
        var (status, _) = await SendAsync(server.Client, HttpMethod.Patch, "/api/settings", SuperuserToken,
            """{"s3":{"enabled":true,"bucket":"b","region":"r","endpoint":"https://s3.example.com","accessKey":"k","secret":"s"}}""");
        Assert.Equal(200, status);

        var (testStatus, body) = await SendAsync(server.Client, HttpMethod.Post, "/api/settings/test/s3", SuperuserToken, """{"filesystem":"storage"}""");
        Assert.Equal(400, testStatus);
        Assert.Contains("no S3 storage plugin is loaded", (string?)body!["message"]);
    }

    [Fact]
    public async Task Serve_with_an_encryption_key_stores_the_settings_encrypted()
    {
        const string key = "abcdefghijklmnopqrstuvwxyz012345";
        var env = "SATCHEL_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(env, key);
        try
        {
            await using var server = await RunningServer.StartAsync(new ServerOptions { FromFixture = true, ExtraArgs = new[] { $"--encryptionEnv={env}" } });
            var (status, _) = await SendAsync(server.Client, HttpMethod.Patch, "/api/settings", SuperuserToken, """{"meta":{"appName":"secret_app"}}""");
            Assert.Equal(200, status);

            var raw = DataDb.Query(server.DataDir, c => c.ExecuteScalar<object>("SELECT value FROM _params WHERE id = 'settings'"));
            Assert.IsType<string>(raw);
            Assert.DoesNotContain("secret_app", (string)raw);
            Assert.Equal("secret_app", (string?)StoredSettings(server.DataDir, key)["meta"]!["appName"]);
        }
        finally
        {
            Environment.SetEnvironmentVariable(env, null);
        }
    }

    [Fact]
    public async Task Serve_with_the_wrong_key_stops_with_one_clear_line()
    {
        using var data = TempDir.CopyOf(RepoPaths.FixtureDataDir, "satchel-settings");
        // Settings encrypted with one key…
        var plain = DataDb.Query(data.Path, c => c.ExecuteScalar<byte[]>("SELECT value FROM _params WHERE id = 'settings'"));
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(data.Path, "data.db")};Pooling=false"))
        {
            c.Open();
            c.Execute("UPDATE _params SET value = @v WHERE id = 'settings'", new { v = SettingsCipher.Encrypt(plain!, "abcdefghijklmnopqrstuvwxyz012345") });
        }

        // …opened with another.
        var env = "SATCHEL_TEST_KEY_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(env, "ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ");
        try
        {
            var result = await SatchelProcess.RunAsync(new[] { "serve", $"--dir={data.Path}", $"--http=127.0.0.1:{FreePort.Next()}", $"--encryptionEnv={env}" });
            Assert.Equal(1, result.ExitCode);
            Assert.Contains("Error: failed to decrypt the stored app settings", result.Stderr);
            Assert.DoesNotContain("   at ", result.Stderr);
        }
        finally
        {
            Environment.SetEnvironmentVariable(env, null);
        }
    }
}
