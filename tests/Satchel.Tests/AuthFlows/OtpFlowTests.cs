using System.Text.RegularExpressions;
using Satchel.Tests.Auth;

namespace Satchel.Tests.AuthFlows;

/// <summary>request-otp / auth-with-otp over real HTTP and real SMTP.</summary>
public sealed class OtpFlowTests(OtpFixture fixture) : IClassFixture<OtpFixture>
{
    private const string Password = "otp-user-pass-1";
    private FlowServer S => fixture.Server;

    [Fact]
    public async Task Sign_in_with_the_mailed_code_verifies_the_account()
    {
        var email = FlowFixture.NewEmail("otp");
        var id = await S.SignUpAsync(email, Password);

        var (otpId, code) = await S.MailedCode(email);
        Assert.Matches("^[0-9]{6}$", code);
        await S.WaitForSentTo(otpId);

        var answer = await S.SignIn(otpId, code);
        Assert.True(answer.Status == 200, answer.ToString());
        Assert.Equal(id, answer.Record()["id"]!.GetValue<string>());
        Assert.Equal(email, answer.Record()["email"]!.GetValue<string>());
        Assert.Equal(id, Jwt.Claims(answer.Token())["id"]!.GetValue<string>());
        Assert.True(answer.Record()["verified"]!.GetValue<bool>());
        Assert.True((await S.RecordAsync("users", id))!["verified"]!.GetValue<bool>());
        Assert.Null(OtpFlow.OtpRow(S, otpId));
        // Without MFA the code alone proved the account: a password set before that stops working.
        Assert.Equal(400, (await S.SignInAsync(email, Password)).Status);

        // The token the answer carries is a working session.
        Assert.Equal(200, (await S.PostAsync("/api/collections/users/auth-refresh", token: answer.Token())).Status);
    }

    [Fact]
    public async Task A_code_works_once()
    {
        var email = FlowFixture.NewEmail("once");
        await S.SignUpAsync(email, Password);
        var (otpId, code) = await S.MailedCode(email);

        Assert.Equal(200, (await S.SignIn(otpId, code)).Status);
        var replay = await S.SignIn(otpId, code);
        Assert.Equal(400, replay.Status);
        Assert.Equal("Invalid or expired OTP", replay.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Wrong_unknown_and_expired_codes_are_the_same_400()
    {
        var email = FlowFixture.NewEmail("wrong");
        await S.SignUpAsync(email, Password);
        var (otpId, code) = await S.MailedCode(email);
        var wrongCode = code == "000000" ? "111111" : "000000";

        var wrong = await S.SignIn(otpId, wrongCode);
        var unknown = await S.SignIn("nosuchotp123456", code);
        Assert.Equal(400, wrong.Status);
        Assert.Equal(wrong.Raw, unknown.Raw);
        Assert.Equal("{\"data\":{},\"message\":\"Invalid or expired OTP\",\"status\":400}", wrong.Raw);

        // A wrong guess doesn't use the code up…
        Assert.NotNull(OtpFlow.OtpRow(S, otpId));
        // …but one older than the collection's otp.duration (300 s) is refused.
        OtpFlow.Age(S, "_otps", otpId, TimeSpan.FromSeconds(301));
        var expired = await S.SignIn(otpId, code);
        Assert.Equal(wrong.Raw, expired.Raw);
    }

    [Fact]
    public async Task Codes_are_stored_only_as_hashes()
    {
        var email = FlowFixture.NewEmail("hash");
        var id = await S.SignUpAsync(email, Password);
        var (otpId, code) = await S.MailedCode(email);
        await S.WaitForSentTo(otpId);

        var row = OtpFlow.OtpRow(S, otpId)!;
        Assert.Equal(id, row.RecordRef);
        Assert.Equal(email, row.SentTo);
        Assert.StartsWith("$2", row.Password);
        Assert.DoesNotContain(code, row.Password);
        Assert.True(BCrypt.Net.BCrypt.Verify(code, row.Password));
    }

    [Fact]
    public async Task An_unknown_address_gets_an_otp_id_but_nothing_is_stored_or_sent()
    {
        var email = FlowFixture.NewEmail("ghost");
        var before = Satchel.Tests.Support.DataDb.Query(S.Server.DataDir, c => Dapper.SqlMapper.ExecuteScalar<long>(c, "SELECT count(*) FROM _otps"));

        var answer = await S.Request(email);

        Assert.Equal(200, answer.Status);
        Assert.Equal(new[] { "otpId" }, answer.Json.Select(p => p.Key));
        Assert.Matches("^[a-z0-9]{15}$", answer.Json["otpId"]!.GetValue<string>());
        await S.Mail.AssertNoneAsync(email);
        var after = Satchel.Tests.Support.DataDb.Query(S.Server.DataDir, c => Dapper.SqlMapper.ExecuteScalar<long>(c, "SELECT count(*) FROM _otps"));
        Assert.Equal(before, after);
        Assert.Equal(400, (await S.SignIn(answer.Json["otpId"]!.GetValue<string>(), "123456")).Status);
    }

    [Fact]
    public async Task Guessing_is_limited_to_five_attempts_per_client()
    {
        var email = FlowFixture.NewEmail("guess");
        await S.SignUpAsync(email, Password);
        var (otpId, code) = await S.MailedCode(email);
        var wrongCode = code == "000000" ? "111111" : "000000";

        for (var i = 0; i < 5; i++) Assert.Equal(400, (await S.SignIn(otpId, wrongCode)).Status);
        var blocked = await S.SignIn(otpId, code);
        Assert.Equal(429, blocked.Status);
        Assert.Equal("Too many attempts, please try again later with a new OTP.", blocked.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_request_checks_the_address()
    {
        var empty = await S.PostAsync("/api/collections/users/request-otp", "");
        Assert.Equal(400, empty.Status);
        Assert.Contains("\"data\":{\"email\":{\"code\":\"validation_required\",\"message\":\"Cannot be blank.\"}}", empty.Raw);

        var invalid = await S.Request("invalid");
        Assert.Equal("validation_is_email", invalid.Json["data"]!["email"]!["code"]!.GetValue<string>());

        var signIn = await S.PostAsync("/api/collections/users/auth-with-otp", new { otpId = new string('a', 256), password = new string('1', 72) });
        Assert.Equal("validation_length_out_of_range", signIn.Json["data"]!["otpId"]!["code"]!.GetValue<string>());
        Assert.Equal("validation_length_out_of_range", signIn.Json["data"]!["password"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Auth_methods_describe_otp_and_a_collection_without_it_refuses()
    {
        var methods = await S.SendAsync(HttpMethod.Get, "/api/collections/users/auth-methods");
        Assert.Equal("{\"duration\":300,\"enabled\":true}", Normalize(methods.Json["otp"]!.ToJsonString()));

        var superusers = await S.Request(FlowServer.SuperuserEmail, "_superusers");
        Assert.Equal(403, superusers.Status);
        Assert.Equal("The collection is not configured to allow OTP authentication.", superusers.Json["message"]!.GetValue<string>());
        var off = await S.SendAsync(HttpMethod.Get, "/api/collections/_superusers/auth-methods");
        Assert.Equal("{\"duration\":0,\"enabled\":false}", Normalize(off.Json["otp"]!.ToJsonString()));
    }

    private static string Normalize(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        return "{" + string.Join(",", node.OrderBy(p => p.Key).Select(p => $"\"{p.Key}\":{p.Value!.ToJsonString()}")) + "}";
    }

    [Fact]
    public async Task A_mailed_code_length_follows_the_collection()
    {
        await using var server = await FlowServer.StartAsync();
        await server.PatchCollectionAsync("users", new { otp = new { enabled = true, length = 9 } });
        var email = FlowFixture.NewEmail("nine");
        await server.SignUpAsync(email, Password);

        var (_, code) = await server.MailedCode(email);

        Assert.Matches(new Regex("^[0-9]{9}$"), code);
    }
}
