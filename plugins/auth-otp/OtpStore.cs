using Satchel.Auth;
using Satchel.Models;

namespace Satchel.Plugins.AuthOtp;

/// <summary>
/// The one-time passwords of the <c>_otps</c> system collection: which record a code was issued
/// to, its hash, and where it was sent. A code is valid for its auth collection's otp.duration
/// seconds after it was created.
/// </summary>
internal sealed class OtpStore(IApp app)
{
    public AuthRecordRows Rows { get; } = new(app, SystemCollections.Otps);

    public Record Create(Record authRecord, string code)
    {
        var otp = Rows.New(authRecord);
        // The record engine stores only the bcrypt hash of the code.
        otp.Set("password", code);
        app.SaveRecord(otp);
        return otp;
    }

    public Collection? Collection() => app.FindCollectionByNameOrId(SystemCollections.Otps);

    public Record? Find(string id) => Rows.Find(id);

    public void Delete(Record otp) => app.DeleteRecord(otp);

    public static bool HasExpired(Record otp, long durationSeconds) => AuthRecordRows.HasExpired(otp, durationSeconds);

    /// <summary>The codes issued to a record, newest first.</summary>
    public IReadOnlyList<Record> FindAllFor(Record authRecord) => Rows.FindAllFor(authRecord);
}
