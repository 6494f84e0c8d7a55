using System.Text;
using System.Text.Json.Nodes;
using Satchel.Tests.Auth;
using Satchel.Tests.Mail;
using Satchel.Tests.Support;

namespace Satchel.Tests.AuthFlows;

/// <summary>
/// A running server with the auth plugins and mailer-smtp, sending its mail to an SMTP server
/// the test runs on 127.0.0.1. By default the data is fresh (a superuser, the default "users"
/// collection); <see cref="StartAsync"/> can start from the PocketBase fixture instead.
/// </summary>
public sealed class FlowServer : IAsyncDisposable
{
    public const string SuperuserEmail = "flows-admin@example.com";
    public const string SuperuserPassword = "flows-admin-pass-1";

    private FlowServer(TestSmtpServer smtp, RunningServer server, string superuserToken)
    {
        Smtp = smtp;
        Server = server;
        Mail = new MailBox(smtp);
        SuperuserToken = superuserToken;
    }

    public TestSmtpServer Smtp { get; }
    public RunningServer Server { get; }
    public MailBox Mail { get; }
    public string SuperuserToken { get; }
    public HttpClient Client => Server.Client;

    /// <summary>Everything the server printed so far.</summary>
    public string Output => Server.Stdout.Text + Server.Stderr.Text;

    public static async Task<FlowServer> StartAsync(PluginsFile? plugins = null, bool fixture = false, bool dev = false, bool smtpReachable = true)
    {
        var smtp = await TestSmtpServer.StartAsync();
        RunningServer? server = null;
        try
        {
            server = await RunningServer.StartAsync(new ServerOptions
            {
                FromFixture = fixture,
                Plugins = plugins ?? Plugins(),
                Before = new[] { new[] { "superuser", "upsert", SuperuserEmail, SuperuserPassword } },
                ExtraArgs = dev ? new[] { "--dev" } : Array.Empty<string>(),
            });
            var token = await SuperuserTokenAsync(server);

            // An unreachable port when the test wants every send to fail.
            var port = smtpReachable ? smtp.Port : FreePort.Next();
            var settings = await Send(server.Client, HttpMethod.Patch, "/api/settings", token, new JsonObject
            {
                ["smtp"] = new JsonObject { ["enabled"] = true, ["host"] = "127.0.0.1", ["port"] = port, ["tls"] = false },
                ["meta"] = new JsonObject { ["appName"] = "Flows", ["appURL"] = "http://flows.test", ["senderName"] = "Flows", ["senderAddress"] = "noreply@flows.test" },
            });
            Assert.True(settings.Status == 200, settings.ToString());
            return new FlowServer(smtp, server, token);
        }
        catch
        {
            if (server != null) await server.DisposeAsync();
            await smtp.DisposeAsync();
            throw;
        }
    }

    /// <summary>The superuser's auth token: signed in with its password, or (without the auth-password plugin) signed here with its key.</summary>
    private static async Task<string> SuperuserTokenAsync(RunningServer server)
    {
        var login = await Send(server.Client, HttpMethod.Post, "/api/collections/_superusers/auth-with-password", null,
            new { identity = SuperuserEmail, password = SuperuserPassword });
        if (login.Status == 200) return login.Json["token"]!.GetValue<string>();
        Assert.True(login.Status == 404, login.ToString());

        var (id, collectionId, key) = DataDb.Query(server.DataDir, c =>
        {
            var row = Dapper.SqlMapper.QuerySingle<(string Id, string TokenKey)>(c, "SELECT id, tokenKey FROM _superusers WHERE email = @SuperuserEmail", new { SuperuserEmail });
            var (collectionId, options) = Dapper.SqlMapper.QuerySingle<(string, string)>(c, "SELECT id, options FROM _collections WHERE name = '_superusers'");
            return (row.Id, collectionId, row.TokenKey + JsonNode.Parse(options)!["authToken"]!["secret"]!.GetValue<string>());
        });
        static string Part(string json) => Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var unsigned = Part("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." +
            Part($"{{\"id\":\"{id}\",\"type\":\"auth\",\"collectionId\":\"{collectionId}\",\"exp\":{DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds()},\"refreshable\":true}}");
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(key));
        var signature = Convert.ToBase64String(hmac.ComputeHash(Encoding.ASCII.GetBytes(unsigned))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return unsigned + "." + signature;
    }

    /// <summary>plugins.json naming the distribution's plugins by path, each on or off.</summary>
    public static PluginsFile Plugins(bool password = true, bool otp = true, bool mfa = true)
        => new PluginsFile()
            .AddHostPlugin("auth-password", password)
            .AddHostPlugin("auth-otp", otp)
            .AddHostPlugin("mfa", mfa)
            .AddHostPlugin("mailer-smtp");

    public Task<ApiAnswer> SendAsync(HttpMethod method, string url, object? body = null, string? token = null, string? userAgent = null)
        => Send(Client, method, url, token, body, userAgent);

    public Task<ApiAnswer> PostAsync(string url, object? body = null, string? token = null, string? userAgent = null)
        => SendAsync(HttpMethod.Post, url, body, token, userAgent);

    /// <summary>Changes the auth options of a collection (e.g. <c>{"otp":{"enabled":true}}</c>) as the superuser.</summary>
    public async Task PatchCollectionAsync(string collection, object changes)
    {
        var answer = await SendAsync(HttpMethod.Patch, "/api/collections/" + collection, changes, SuperuserToken);
        Assert.True(answer.Status == 200, answer.ToString());
    }

    /// <summary>Signs up a new "users" record through the records API and returns its id.</summary>
    public async Task<string> SignUpAsync(string email, string password)
    {
        var answer = await PostAsync("/api/collections/users/records", new { email, password, passwordConfirm = password });
        Assert.True(answer.Status == 200, answer.ToString());
        return answer.Json["id"]!.GetValue<string>();
    }

    /// <summary>A record as the superuser sees it (hidden fields included).</summary>
    public async Task<JsonObject?> RecordAsync(string collection, string id)
    {
        var answer = await SendAsync(HttpMethod.Get, $"/api/collections/{collection}/records/{id}", token: SuperuserToken);
        return answer.Status == 200 ? answer.Json : null;
    }

    public async Task<ApiAnswer> SignInAsync(string email, string password, string collection = "users", string? userAgent = null)
        => await PostAsync($"/api/collections/{collection}/auth-with-password", new { identity = email, password }, userAgent: userAgent);

    private static async Task<ApiAnswer> Send(HttpClient client, HttpMethod method, string url, string? token, object? body, string? userAgent = null)
    {
        using var request = new HttpRequestMessage(method, url);
        if (token != null) request.Headers.TryAddWithoutValidation("Authorization", token);
        if (userAgent != null) request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        if (body != null)
        {
            var json = body as string ?? (body is JsonNode node ? node.ToJsonString() : System.Text.Json.JsonSerializer.Serialize(body));
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        using var response = await client.SendAsync(request);
        var raw = await response.Content.ReadAsStringAsync();
        return new ApiAnswer((int)response.StatusCode, raw.Length == 0 ? null : JsonNode.Parse(raw), raw);
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
