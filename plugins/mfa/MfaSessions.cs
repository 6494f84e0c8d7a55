using Satchel.Auth;
using Satchel.Models;

namespace Satchel.Plugins.Mfa;

/// <summary>
/// The MFA sessions of the <c>_mfas</c> system collection: which record passed which first
/// method, and when. A session is valid for the auth collection's mfa.duration seconds.
/// </summary>
internal sealed class MfaSessions(IApp app)
{
    public AuthRecordRows Rows { get; } = new(app, SystemCollections.Mfas);

    public Record Create(Record authRecord, string method)
    {
        var session = Rows.New(authRecord);
        session.Set("method", method);
        app.SaveRecord(session);
        return session;
    }

    public Record? Find(string id) => Rows.Find(id);

    public void Delete(Record session) => app.DeleteRecord(session);

    public static bool HasExpired(Record session, long durationSeconds) => AuthRecordRows.HasExpired(session, durationSeconds);
}
