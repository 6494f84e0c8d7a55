namespace Satchel.Hooks;

public sealed partial class AppHooks
{
    /// <summary>Fires for every email the app sends, right before it goes to the mailer.</summary>
    public Hook<MailerEvent> OnMailerSend { get; } = new();

    /// <summary>Fires before the "login from a new location" alert email is sent to an auth record.</summary>
    public Hook<MailerRecordEvent> OnMailerRecordAuthAlertSend { get; } = new();

    /// <summary>Fires before a password reset email is sent to an auth record.</summary>
    public Hook<MailerRecordEvent> OnMailerRecordPasswordResetSend { get; } = new();

    /// <summary>Fires before a verification email is sent to an auth record.</summary>
    public Hook<MailerRecordEvent> OnMailerRecordVerificationSend { get; } = new();

    /// <summary>Fires before the confirm-new-address email of an email change is sent.</summary>
    public Hook<MailerRecordEvent> OnMailerRecordEmailChangeSend { get; } = new();

    /// <summary>Fires before a one-time password email is sent to an auth record.</summary>
    public Hook<MailerRecordEvent> OnMailerRecordOTPSend { get; } = new();
}
