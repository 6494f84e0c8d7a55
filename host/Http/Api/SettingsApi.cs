using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Satchel.Errors;
using Satchel.Files;
using Satchel.Hooks;
using Satchel.Records;
using Satchel.Settings;

namespace Satchel.Http.Api;

/// <summary>
/// /api/settings (superusers only): read and update the app settings, test the S3 and mail
/// settings, and create Apple OAuth2 client secrets.
/// </summary>
public static class SettingsApi
{
    private const string LoadFailed = "An error occurred while loading the submitted data.";

    private static readonly JsonSerializerOptions FormJson = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };

    public static void Map(WebApplication web)
    {
        web.MapGet("/api/settings", List);
        web.MapPatch("/api/settings", Update);
        web.MapPost("/api/settings/test/s3", TestS3);
        web.MapPost("/api/settings/test/email", TestEmailSend);
        web.MapPost("/api/settings/apple/generate-client-secret", GenerateAppleClientSecret);
    }

    internal static async Task List(HttpContext http, IApp app)
    {
        http.RequireSuperuser();
        var e = new SettingsListRequestEvent(app, http, app.Settings);
        app.Hooks.OnSettingsListRequest.Trigger(e, ev => ev.Json(StatusCodes.Status200OK, Answer(http, ev.Settings)));
        await RequestEventResponse.WriteAsync(e);
    }

    internal static async Task Update(HttpContext http, IApp app)
    {
        http.RequireSuperuser();
        var patch = await ReadObject(http);
        var current = app.Settings;
        AppSettings updated;
        try { updated = SettingsJson.ApplyPatch(current, patch); }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw ApiException.BadRequest(LoadFailed);
        }

        var e = new SettingsUpdateRequestEvent(app, http, current, updated);
        app.Hooks.OnSettingsUpdateRequest.Trigger(e, ev =>
        {
            // Validates and stores in one transaction; the new state is live once it commits.
            ev.App.RunInTransaction(() => ev.App.SaveSettings(ev.NewSettings));
            ev.Json(StatusCodes.Status200OK, Answer(http, ev.App.Settings));
        });
        await RequestEventResponse.WriteAsync(e);
    }

    internal static async Task TestS3(HttpContext http, IApp app)
    {
        http.RequireSuperuser();
        var form = await Bind<S3TestForm>(http);
        var errors = new ValidationErrors();
        SettingsErrors.Check(errors, "filesystem", SettingsErrors.RequiredRule(form.Filesystem),
            SettingsErrors.InRule(form.Filesystem, S3TestForm.Storage, S3TestForm.Backups));
        errors.ThrowIfAny("Failed to test the S3 filesystem.");

        var settings = app.Settings;
        var config = form.Filesystem == S3TestForm.Backups ? settings.Backups.S3 : settings.S3;
        if (!config.Enabled) throw S3Failure("S3 storage filesystem is not enabled");

        var tester = http.RequestServices.GetService<IS3Tester>()
            ?? throw S3Failure("no S3 storage plugin is loaded, so the S3 settings can't be tested");
        try
        {
            tester.Test(config);
        }
        catch (Exception ex) when (ex is not ApiException)
        {
            throw S3Failure(ex.Message);
        }
        await ApiJson.NoContent(http);
    }

    internal static async Task TestEmailSend(HttpContext http, IApp app)
    {
        http.RequireSuperuser();
        var form = await Bind<TestEmail>(http);
        form.Validate(app).ThrowIfAny("Failed to send the test email.");
        try
        {
            form.Send(app);
        }
        catch (Exception ex) when (ex is not ApiException)
        {
            throw EmailFailure(ex.Message);
        }
        await ApiJson.NoContent(http);
    }

    private static async Task GenerateAppleClientSecret(HttpContext http)
    {
        http.RequireSuperuser();
        var form = await Bind<AppleClientSecret>(http);
        form.Validate().ThrowIfAny("Invalid client secret data.");

        string secret;
        try { secret = form.Create(DateTimeOffset.UtcNow); }
        catch (CryptographicException ex)
        {
            throw ApiException.BadRequest("Failed to generate client secret. Raw error: \n" + ex.Message);
        }
        await ApiJson.Write(http, StatusCodes.Status200OK, new Dictionary<string, string> { ["secret"] = secret });
    }

    /// <summary>The masked settings, reduced to the ?fields= the client asked for.</summary>
    private static JsonNode? Answer(HttpContext http, AppSettings settings)
        => FieldsPicker.Pick(SettingsJson.ToPublic(settings), http.Request.Query["fields"].ToString());

    private static ApiException S3Failure(string detail) => ApiException.BadRequest("Failed to test the S3 filesystem. Raw error: \n" + detail);

    private static ApiException EmailFailure(string detail) => ApiException.BadRequest("Failed to send the test email. Raw error: \n" + detail);

    private static async Task<JsonObject> ReadObject(HttpContext http)
    {
        try { return await RequestBody.ReadObjectAsync(http); }
        catch (ApiException ex) when (ex.Status == StatusCodes.Status400BadRequest) { throw ApiException.BadRequest(LoadFailed); }
    }

    /// <summary>Reads the body into a form; a value of the wrong type is a 400, like PocketBase's binder.</summary>
    private static async Task<T> Bind<T>(HttpContext http) where T : new()
    {
        var obj = await ReadObject(http);
        try { return obj.Deserialize<T>(FormJson) ?? new T(); }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or FormatException)
        {
            throw ApiException.BadRequest(LoadFailed);
        }
    }

    private sealed class S3TestForm
    {
        public const string Storage = "storage";
        public const string Backups = "backups";

        [JsonPropertyName("filesystem")] public string Filesystem { get; set => field = value ?? ""; } = "";
    }
}
