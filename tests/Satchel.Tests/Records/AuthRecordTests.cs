using Dapper;
using Satchel.Tests.Support;
using static Satchel.Tests.Records.Fixture;

namespace Satchel.Tests.Records;

/// <summary>Auth records through the records API: sign-up, password changes, email/verified and manage access.</summary>
public class AuthRecordTests(RecordsServer server) : IClassFixture<RecordsServer>
{
    private readonly RecordsApi _api = server.Api;

    [Fact]
    public async Task Guests_sign_up_and_then_sign_in()
    {
        var answer = await _api.Post(List("users"), new { email = "new.user@example.com", password = "12345678", passwordConfirm = "12345678", emailVisibility = true });
        Assert.Equal(200, answer.Status);
        Assert.Equal("new.user@example.com", answer.Str("email"));
        Assert.True(answer.Json["emailVisibility"]!.GetValue<bool>());
        Assert.False(answer.Json["verified"]!.GetValue<bool>());
        Assert.False(answer.Json.ContainsKey("password"));
        Assert.False(answer.Json.ContainsKey("passwordConfirm"));
        Assert.False(answer.Json.ContainsKey("tokenKey"));

        await _api.SignIn("users", "new.user@example.com", "12345678");
    }

    [Fact]
    public async Task Sign_up_needs_a_confirmed_password()
    {
        var mismatch = await _api.Post(List("users"), new { email = "m@example.com", password = "12345678", passwordConfirm = "87654321" });
        Assert.Equal(400, mismatch.Status);
        Assert.Equal("validation_values_mismatch", mismatch.ErrorCode("passwordConfirm"));

        var missing = await _api.Post(List("users"), new { email = "m@example.com" });
        Assert.Equal("validation_required", missing.ErrorCode("password"));
        Assert.Equal("validation_required", missing.ErrorCode("passwordConfirm"));

        var tooShort = await _api.Post(List("users"), new { email = "m@example.com", password = "1234", passwordConfirm = "1234" });
        Assert.Equal("validation_min_text_constraint", tooShort.ErrorCode("password"));
    }

    [Fact]
    public async Task Only_managers_and_superusers_set_verified()
    {
        var guest = await _api.Post(List("users"), new { password = "12345678", passwordConfirm = "12345678", verified = true });
        Assert.Equal(400, guest.Status);
        Assert.Equal("validation_values_mismatch", guest.ErrorCode("verified"));

        var su = await _api.Post(List("users"), new { id = "o1o1y0pd78686mq", email = "verified@example.com", password = "12345678", passwordConfirm = "12345678", verified = true }, Superuser);
        Assert.Equal(200, su.Status);
        Assert.True(su.Json["verified"]!.GetValue<bool>());
        Assert.Equal("o1o1y0pd78686mq", su.Str("id"));
    }

    [Fact]
    public async Task Emails_are_unique_and_token_keys_are_never_taken_from_clients()
    {
        var taken = await _api.Post(List("users"), new { email = "test@example.com", password = "12345678", passwordConfirm = "12345678" });
        Assert.Equal("validation_not_unique", taken.ErrorCode("email"));

        const string key = "client-chosen-token-key-0123456789-abcdefghij";
        var created = await _api.Post(List("users"), new { email = "key@example.com", password = "12345678", passwordConfirm = "12345678", tokenKey = key }, Superuser);
        Assert.Equal(200, created.Status);
        var stored = DataDb.Query(server.DataDir, c => c.ExecuteScalar<string>("SELECT tokenKey FROM users WHERE id = @id", new { id = created.Str("id") }));
        Assert.NotEqual(key, stored);
        Assert.Matches("^[a-zA-Z0-9_]{50}$", stored);
    }

    [Fact]
    public async Task Owners_change_their_password_with_the_old_one_and_old_tokens_stop_working()
    {
        var created = await _api.Post(List("users"), new { email = "owner@example.com", password = "first-password", passwordConfirm = "first-password" });
        var id = created.Str("id")!;
        var token = await _api.SignIn("users", "owner@example.com", "first-password");

        var noOld = await _api.Patch(One("users", id), new { password = "second-password", passwordConfirm = "second-password" }, token);
        Assert.Equal(400, noOld.Status);
        Assert.Equal("validation_required", noOld.ErrorCode("oldPassword"));

        var wrongOld = await _api.Patch(One("users", id), new { password = "second-password", passwordConfirm = "second-password", oldPassword = "nope-nope" }, token);
        Assert.Equal("validation_invalid_old_password", wrongOld.ErrorCode("oldPassword"));

        var changed = await _api.Patch(One("users", id), new { password = "second-password", passwordConfirm = "second-password", oldPassword = "first-password" }, token);
        Assert.Equal(200, changed.Status);
        Assert.False(changed.Json.ContainsKey("password"));

        // the token was signed with the previous tokenKey: the request is now a guest's
        Assert.Equal(404, (await _api.Get(One("users", id), token)).Status);
        var fresh = await _api.SignIn("users", "owner@example.com", "second-password");
        Assert.Equal(200, (await _api.Get(One("users", id), fresh)).Status);
    }

    [Fact]
    public async Task Owners_cannot_change_email_or_verified_but_may_change_email_visibility()
    {
        var answer = await _api.Patch(One("users", "oap640cot4yru2s"), new { email = "", verified = false }, await _api.Impersonate("users", "oap640cot4yru2s"));
        Assert.Equal(400, answer.Status);
        Assert.Equal("validation_values_mismatch", answer.ErrorCode("email"));
        Assert.Equal("validation_values_mismatch", answer.ErrorCode("verified"));

        var visibility = await _api.Patch(One("users", UserId), new { emailVisibility = true, name = "visible" }, User);
        Assert.Equal(200, visibility.Status);
        Assert.True(visibility.Json["emailVisibility"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Guests_changing_account_fields_get_the_auth_field_errors_only()
    {
        // nologin's update rule is public, but only "users" records manage it
        var answer = await _api.Patch(One("nologin", "phhq3wr65cap535"), new { password = "12345678", passwordConfirm = "12345678", emailVisibility = true, verified = true });
        Assert.Equal(400, answer.Status);
        Assert.NotNull(answer.ErrorCode("verified"));
        Assert.Equal("validation_required", answer.ErrorCode("oldPassword"));
        Assert.Null(answer.ErrorCode("emailVisibility"));
    }

    [Fact]
    public async Task Managers_change_password_email_and_verified_without_the_old_password()
    {
        var answer = await _api.Patch(One("nologin", "oos036e9xvqeexy"), new
        {
            password = "managed-password",
            passwordConfirm = "managed-password",
            email = "managed@example.com",
            verified = false,
        }, User);
        Assert.Equal(200, answer.Status);
        Assert.Equal("managed@example.com", answer.Str("email")); // a manager sees it
        Assert.False(answer.Json["verified"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Superusers_change_any_auth_field()
    {
        var answer = await _api.Patch(One("users", "bgs820n361vj1qd"), new
        {
            username = "test.valid",
            email = "changed@example.com",
            password = "12345678",
            passwordConfirm = "12345678",
            rel = "achvryl401bhse3",
            emailVisibility = true,
            verified = false,
        }, Superuser);
        Assert.Equal(200, answer.Status);
        Assert.Equal("test.valid", answer.Str("username"));
        Assert.Equal("changed@example.com", answer.Str("email"));
        Assert.False(answer.Json["verified"]!.GetValue<bool>());
        await _api.SignIn("users", "changed@example.com", "12345678");
    }
}
