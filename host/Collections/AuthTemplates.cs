using Satchel.Models;

namespace Satchel.Collections;

/// <summary>The default email templates of a new auth collection (PocketBase's wording and placeholders).</summary>
public static class AuthTemplates
{
    public static EmailTemplate Verification() => new()
    {
        Subject = "Verify your {APP_NAME} email",
        Body = """
            <p>Hello,</p>
            <p>Thank you for joining us at {APP_NAME}.</p>
            <p>Click on the button below to verify your email address.</p>
            <p>
              <a class="btn" href="{APP_URL}/_/#/auth/confirm-verification/{TOKEN}" target="_blank" rel="noopener">Verify</a>
            </p>
            <p><i>If you didn't recently register, please ignore this email.</i></p>
            <p>
              Thanks,<br/>
              {APP_NAME} team
            </p>
            """,
    };

    public static EmailTemplate ResetPassword() => new()
    {
        Subject = "Reset your {APP_NAME} password",
        Body = """
            <p>Hello,</p>
            <p>Click on the button below to reset your password.</p>
            <p>
              <a class="btn" href="{APP_URL}/_/#/auth/confirm-password-reset/{TOKEN}" target="_blank" rel="noopener">Reset password</a>
            </p>
            <p><i>If you didn't ask to reset your password, please ignore this email.</i></p>
            <p>
              Thanks,<br/>
              {APP_NAME} team
            </p>
            """,
    };

    public static EmailTemplate ConfirmEmailChange() => new()
    {
        Subject = "Confirm your {APP_NAME} new email address",
        Body = """
            <p>Hello,</p>
            <p>Click on the button below to confirm your new email address.</p>
            <p>
              <a class="btn" href="{APP_URL}/_/#/auth/confirm-email-change/{TOKEN}" target="_blank" rel="noopener">Confirm new email</a>
            </p>
            <p><i>If you didn't ask to change your email address, please ignore this email.</i></p>
            <p>
              Thanks,<br/>
              {APP_NAME} team
            </p>
            """,
    };

    public static EmailTemplate Otp() => new()
    {
        Subject = "OTP for {APP_NAME}",
        Body = """
            <p>Hello,</p>
            <p>Your one-time password is: <strong>{OTP}</strong></p>
            <p><i>If you didn't ask for the one-time password, you can ignore this email.</i></p>
            <p>
              Thanks,<br/>
              {APP_NAME} team
            </p>
            """,
    };

    public static EmailTemplate AuthAlert() => new()
    {
        Subject = "Login from a new location",
        Body = """
            <p>Hello,</p>
            <p>We noticed a login to your {APP_NAME} account from a new location:</p>
            <p><em>{ALERT_INFO}</em></p>
            <p><strong>If this wasn't you, you should immediately change your {APP_NAME} account password to revoke access from all other locations.</strong></p>
            <p>If this was you, you may disregard this email.</p>
            <p>
              Thanks,<br/>
              {APP_NAME} team
            </p>
            """,
    };
}
