using Microsoft.Extensions.Logging;
using Satchel.Models;

namespace Satchel.Plugins.AuthPassword;

/// <summary>
/// Sends an auth email once the request's changes are committed, off the request thread: the
/// answer never waits for (or tells anything about) the mail server, and a failed send is logged
/// — naming the record, never the token — without undoing anything.
/// </summary>
internal sealed class MailAfterCommit(IApp app, ILogger log)
{
    /// <param name="kind">What is sent, for the log ("verification", "password reset"…).</param>
    /// <param name="failed">Runs after a failed send (e.g. to allow an immediate retry).</param>
    public void Send(string kind, Record record, Action send, Action? failed = null)
    {
        app.Db.AfterCommit(() => Task.Run(() =>
        {
            try
            {
                send();
            }
            catch (Exception e)
            {
                log.LogError("Failed to send the {Kind} email to {Collection} record {RecordId}: {Error}",
                    kind, record.Collection.Name, record.Id, e.Message);
                failed?.Invoke();
            }
        }));
    }
}
