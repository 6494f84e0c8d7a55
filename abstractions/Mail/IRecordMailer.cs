using Satchel.Models;

namespace Satchel.Mail;

/// <summary>
/// PocketBase's system emails to auth records, built from the record's collection templates and
/// sent from the settings' sender (meta.senderName/senderAddress). Each send fires its
/// OnMailerRecord…Send hook, whose core step hands the message to <see cref="IApp.Mailer"/>
/// (which fires OnMailerSend): a hook may change the message, or not call Next to keep it from
/// being sent.
/// <para>
/// Send after the change that asked for the email has been committed: a failure (a
/// <see cref="MailException"/> or whatever a hook throws) reaches the caller to report, and
/// must not undo that change. Available as <see cref="IApp.RecordMails"/> and from the container.
/// </para>
/// </summary>
public interface IRecordMailer
{
    /// <summary>The verification email ({TOKEN} = <paramref name="token"/>) to the record's email.</summary>
    void SendVerification(Record authRecord, string token);

    /// <summary>Issues a verification token for the record's email and sends the verification email.</summary>
    void SendVerification(Record authRecord);

    /// <summary>The password reset email ({TOKEN} = <paramref name="token"/>) to the record's email.</summary>
    void SendPasswordReset(Record authRecord, string token);

    /// <summary>Issues a password reset token and sends the password reset email.</summary>
    void SendPasswordReset(Record authRecord);

    /// <summary>The confirm-email-change email ({TOKEN} = <paramref name="token"/>) to <paramref name="newEmail"/>.</summary>
    void SendEmailChange(Record authRecord, string newEmail, string token);

    /// <summary>Issues an email change token for <paramref name="newEmail"/> and sends the confirmation to it.</summary>
    void SendEmailChange(Record authRecord, string newEmail);

    /// <summary>
    /// The one-time password email ({OTP_ID}, {OTP}) to the record's email; afterwards the
    /// <c>_otps</c> record <paramref name="otpId"/> gets its sentTo set when it has none yet.
    /// </summary>
    void SendOtp(Record authRecord, string otpId, string password);

    /// <summary>The new-login alert ({ALERT_INFO} = <paramref name="info"/>, HTML-escaped) to the record's email.</summary>
    void SendAuthAlert(Record authRecord, string info);
}
