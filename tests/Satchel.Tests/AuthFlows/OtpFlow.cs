using System.Text.Json.Nodes;
using Dapper;
using Satchel.Tests.Auth;
using Satchel.Tests.Support;

namespace Satchel.Tests.AuthFlows;

/// <summary>Steps of the OTP flow shared by the OTP and MFA tests.</summary>
public static class OtpFlow
{
    public static Task<ApiAnswer> Request(this FlowServer s, string email, string collection = "users")
        => s.PostAsync($"/api/collections/{collection}/request-otp", new { email });

    public static Task<ApiAnswer> SignIn(this FlowServer s, string otpId, string code, string query = "")
        => s.PostAsync("/api/collections/users/auth-with-otp" + query, new { otpId, password = code });

    /// <summary>Requests a code for <paramref name="email"/> and reads it from the delivered email.</summary>
    public static async Task<(string OtpId, string Code)> MailedCode(this FlowServer s, string email)
    {
        var answer = await s.Request(email);
        Assert.True(answer.Status == 200, answer.ToString());
        var otpId = answer.Json["otpId"]!.GetValue<string>();
        var mail = await s.Mail.TakeAsync(email, "OTP");
        return (otpId, MailBox.OtpCode(mail));
    }

    /// <summary>Waits until the server noted where the code went (it does so right after the email is handed over).</summary>
    public static async Task WaitForSentTo(this FlowServer s, string otpId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (OtpRow(s, otpId)?.SentTo is null or "")
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"OTP {otpId} never got its sentTo");
            await Task.Delay(25);
        }
    }

    public sealed record Row(string Id, string CollectionRef, string RecordRef, string Password, string SentTo, string Created);

    public static Row? OtpRow(FlowServer s, string otpId) => DataDb.Query(s.Server.DataDir, c =>
        c.QuerySingleOrDefault<Row>("SELECT id, collectionRef, recordRef, password, sentTo, created FROM _otps WHERE id = @otpId", new { otpId }));

    public static long OtpCount(FlowServer s, string recordId) => DataDb.Query(s.Server.DataDir, c =>
        c.ExecuteScalar<long>("SELECT count(*) FROM _otps WHERE recordRef = @recordId", new { recordId }));

    /// <summary>Moves a row's "created" back in time, as if it was issued that long ago.</summary>
    public static void Age(FlowServer s, string table, string id, TimeSpan age)
    {
        var created = DateTime.UtcNow.Subtract(age).ToString("yyyy-MM-dd HH:mm:ss.fff'Z'");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                Assert.Equal(1, DataDb.Execute(s.Server.DataDir, $"UPDATE \"{table}\" SET created = @created WHERE id = @id", new { created, id }));
                return;
            }
            catch (Microsoft.Data.Sqlite.SqliteException e) when (e.SqliteErrorCode == 5 && attempt < 50)
            {
                Thread.Sleep(20); // the server is writing; try again
            }
        }
    }

    public static string Token(this ApiAnswer answer) => answer.Json["token"]!.GetValue<string>();

    public static JsonObject Record(this ApiAnswer answer) => answer.Json["record"]!.AsObject();
}
