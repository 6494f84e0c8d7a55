using Dapper;
using Satchel.Tests.Support;

namespace Satchel.Tests.AuthFlows;

/// <summary>Sign-in devices in _authOrigins and the new device alert email (the collection's authAlert).</summary>
public sealed class AuthAlertTests(FlowFixture fixture) : IClassFixture<FlowFixture>
{
    private const string Password = "alert-pass-123";
    private FlowServer S => fixture.Server;

    private List<string> Fingerprints(string recordId) => DataDb.Query(S.Server.DataDir, c =>
        c.Query<string>("SELECT fingerprint FROM _authOrigins WHERE recordRef = @recordId ORDER BY created", new { recordId }).ToList());

    private async Task SignIn(string email, string device)
        => Assert.Equal(200, (await S.SignInAsync(email, Password, userAgent: device)).Status);

    [Fact]
    public async Task A_new_device_gets_an_alert_but_not_the_first_or_a_known_one()
    {
        var email = FlowFixture.NewEmail("alert");
        var id = await S.SignUpAsync(email, Password);

        await SignIn(email, "Device-A/1.0");
        Assert.Single(Fingerprints(id));
        await SignIn(email, "Device-A/1.0");
        await S.Mail.AssertNoneAsync(email);
        Assert.Single(Fingerprints(id));

        await SignIn(email, "Device-B/2.0");
        var mail = await S.Mail.TakeAsync(email, "Login from a new location");
        Assert.Contains("127.0.0.1 Device-B/2.0", mail.HtmlBody);
        Assert.Equal(2, Fingerprints(id).Count);
        Assert.Contains(Satchel.Auth.NewDeviceAlert.Fingerprint("127.0.0.1", "Device-B/2.0"), Fingerprints(id));
    }

    [Fact]
    public async Task A_token_refresh_is_not_a_sign_in()
    {
        var email = FlowFixture.NewEmail("refresh");
        var id = await S.SignUpAsync(email, Password);
        var token = (await S.SignInAsync(email, Password, userAgent: "Phone")).Json["token"]!.GetValue<string>();

        Assert.Equal(200, (await S.PostAsync("/api/collections/users/auth-refresh", token: token, userAgent: "Laptop")).Status);

        Assert.Single(Fingerprints(id));
        await S.Mail.AssertNoneAsync(email);
    }

    [Fact]
    public async Task A_record_keeps_its_five_latest_devices()
    {
        var email = FlowFixture.NewEmail("many");
        var id = await S.SignUpAsync(email, Password);
        for (var i = 1; i <= 7; i++) await SignIn(email, "Device-" + i);

        var kept = Fingerprints(id);
        Assert.Equal(5, kept.Count);
        Assert.Contains(Satchel.Auth.NewDeviceAlert.Fingerprint("127.0.0.1", "Device-7"), kept);
        Assert.DoesNotContain(Satchel.Auth.NewDeviceAlert.Fingerprint("127.0.0.1", "Device-1"), kept);
        for (var i = 2; i <= 7; i++) await S.Mail.TakeAsync(email, "Login from a new location");
    }

    [Fact]
    public async Task A_new_password_forgets_the_devices()
    {
        var email = FlowFixture.NewEmail("forget");
        var id = await S.SignUpAsync(email, Password);
        await SignIn(email, "Old-Device");
        var token = (await S.SignInAsync(email, Password, userAgent: "Old-Device")).Json["token"]!.GetValue<string>();

        var changed = await S.SendAsync(HttpMethod.Patch, "/api/collections/users/records/" + id,
            new { oldPassword = Password, password = "brand-new-pass-1", passwordConfirm = "brand-new-pass-1" }, token);
        Assert.True(changed.Status == 200, changed.ToString());

        Assert.Empty(Fingerprints(id));
    }

    [Fact]
    public async Task With_alerts_off_nothing_is_tracked_or_sent()
    {
        await using var server = await FlowServer.StartAsync();
        await server.PatchCollectionAsync("users", new { authAlert = new { enabled = false } });
        var email = FlowFixture.NewEmail("quiet");
        var id = await server.SignUpAsync(email, Password);

        Assert.Equal(200, (await server.SignInAsync(email, Password, userAgent: "One")).Status);
        Assert.Equal(200, (await server.SignInAsync(email, Password, userAgent: "Two")).Status);

        await server.Mail.AssertNoneAsync(email);
        Assert.Equal(0, DataDb.Query(server.Server.DataDir, c => c.ExecuteScalar<long>("SELECT count(*) FROM _authOrigins WHERE recordRef = @id", new { id })));
    }
}
