namespace Satchel.Hooks;

// Record API request hooks: fired only by the HTTP endpoints, tagged with the collection.
public sealed partial class AppHooks
{
    /// <summary>Fires on a records list request after the page is loaded, before it is answered.</summary>
    public Hook<RecordsListRequestEvent> OnRecordsListRequest { get; } = new();

    /// <summary>Fires on a record view request after the record is loaded, before it is answered.</summary>
    public Hook<RecordRequestEvent> OnRecordViewRequest { get; } = new();

    /// <summary>Fires on a record create request with the submitted data loaded, before the record is saved.</summary>
    public Hook<RecordRequestEvent> OnRecordCreateRequest { get; } = new();

    /// <summary>Fires on a record update request with the submitted changes loaded, before the record is saved.</summary>
    public Hook<RecordRequestEvent> OnRecordUpdateRequest { get; } = new();

    /// <summary>Fires on a record delete request after access checks, before the record is deleted.</summary>
    public Hook<RecordRequestEvent> OnRecordDeleteRequest { get; } = new();

    // --- auth endpoints ---

    /// <summary>Fires after any successful sign-in or token refresh, before the token and record are answered.</summary>
    public Hook<RecordAuthRequestEvent> OnRecordAuthRequest { get; } = new();

    /// <summary>Fires on auth-refresh, before the new token is made.</summary>
    public Hook<RecordAuthRefreshRequestEvent> OnRecordAuthRefreshRequest { get; } = new();

    /// <summary>Fires on auth-with-password after the identity lookup (record may be null), before the password check.</summary>
    public Hook<RecordAuthWithPasswordRequestEvent> OnRecordAuthWithPasswordRequest { get; } = new();

    /// <summary>Fires on auth-with-oauth2 after the code exchange, before the record is created or linked.</summary>
    public Hook<RecordAuthWithOAuth2RequestEvent> OnRecordAuthWithOAuth2Request { get; } = new();

    /// <summary>Fires on request-password-reset for an existing record, before the email is sent.</summary>
    public Hook<RecordRequestPasswordResetRequestEvent> OnRecordRequestPasswordResetRequest { get; } = new();

    /// <summary>Fires on confirm-password-reset with the new password set, before the record is saved.</summary>
    public Hook<RecordConfirmPasswordResetRequestEvent> OnRecordConfirmPasswordResetRequest { get; } = new();

    /// <summary>Fires on request-verification for an unverified record, before the email is sent.</summary>
    public Hook<RecordRequestVerificationRequestEvent> OnRecordRequestVerificationRequest { get; } = new();

    /// <summary>Fires on confirm-verification, before the record is marked verified.</summary>
    public Hook<RecordConfirmVerificationRequestEvent> OnRecordConfirmVerificationRequest { get; } = new();

    /// <summary>Fires on request-email-change, before the confirmation email is sent to the new address.</summary>
    public Hook<RecordRequestEmailChangeRequestEvent> OnRecordRequestEmailChangeRequest { get; } = new();

    /// <summary>Fires on confirm-email-change, before the new email is saved.</summary>
    public Hook<RecordConfirmEmailChangeRequestEvent> OnRecordConfirmEmailChangeRequest { get; } = new();

    /// <summary>Fires on request-otp (record may be null when no account has the email), before the OTP is stored and sent.</summary>
    public Hook<RecordCreateOTPRequestEvent> OnRecordRequestOTPRequest { get; } = new();

    /// <summary>Fires on auth-with-otp once the OTP matched, before the sign-in completes.</summary>
    public Hook<RecordAuthWithOTPRequestEvent> OnRecordAuthWithOTPRequest { get; } = new();
}
