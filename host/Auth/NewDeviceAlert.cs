using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Satchel.Core;
using Satchel.Hooks;
using Satchel.Models;

namespace Satchel.Auth;

/// <summary>
/// The sign-in step that remembers devices and warns about new ones, bound to
/// <c>OnRecordAuthRequest</c> after the MFA step (so only completed sign-ins count). For a
/// collection with authAlert enabled, each sign-in with a method (not a token refresh or an
/// impersonation) records the device — a fingerprint of the client IP and User-Agent — in
/// <c>_authOrigins</c>; a device the record hasn't used before gets the record an alert email,
/// except on its very first sign-in. The email goes out after the answer, and failures are
/// logged: they never fail the sign-in.
/// </summary>
public sealed class NewDeviceAlert(SatchelApp app, AuthOrigins origins, Func<HttpContext, string> clientIp, ILogger log)
{
    /// <summary>Right after the MFA plugin's step (priority 1,000,000).</summary>
    public const int HookPriority = 1_000_001;

    public const string HookId = "__satchelNewDeviceAlert__";

    private const int MaxUserAgentLength = 200;

    public void Bind(AppHooks hooks) => hooks.OnRecordAuthRequest.Bind(Handle, HookPriority, HookId);

    private void Handle(RecordAuthRequestEvent e)
    {
        e.Next();
        if (e.AuthMethod == "" || e.Status != StatusCodes.Status200OK || e.Record.Collection.Auth?.AuthAlert.Enabled != true) return;
        try
        {
            Track(e.Record, clientIp(e.Http), e.Http.Request.Headers.UserAgent.ToString());
        }
        catch (Exception ex)
        {
            log.LogWarning("Failed to record the sign-in device of {Collection} record {RecordId}: {Error}",
                e.Record.Collection.Name, e.Record.Id, ex.Message);
        }
    }

    private void Track(Record record, string ip, string userAgent)
    {
        if (userAgent.Length > MaxUserAgentLength) userAgent = userAgent[..MaxUserAgentLength] + "...";
        var fingerprint = Fingerprint(ip, userAgent);

        var known = origins.FindAllFor(record);
        var current = known.FirstOrDefault(o => o.GetString("fingerprint") == fingerprint);
        var isNewDevice = current == null;
        current ??= origins.New(record, fingerprint);

        app.RunInTransaction(() =>
        {
            // Make room: keep the newest ones, so with this device there are at most MaxPerRecord.
            if (isNewDevice)
                for (var i = known.Count - 1; i >= AuthOrigins.MaxPerRecord - 1; i--) app.DeleteRecord(known[i]);
            // Saving a known origin again bumps its "updated" time.
            app.SaveRecord(current);
        });

        if (isNewDevice && known.Count > 0 && record.GetString("email") != "")
        {
            var info = $"{DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)} - {ip} {userAgent}";
            app.Db.AfterCommit(() => Task.Run(() =>
            {
                try { app.RecordMails.SendAuthAlert(record, info); }
                catch (Exception ex)
                {
                    log.LogWarning("Failed to send the new device alert to {Collection} record {RecordId}: {Error}",
                        record.Collection.Name, record.Id, ex.Message);
                }
            }));
        }
    }

    /// <summary>PocketBase's device fingerprint: the MD5 of IP and User-Agent, in hex.</summary>
    public static string Fingerprint(string ip, string userAgent)
        => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(ip + userAgent)));
}
