namespace Satchel.Mail;

/// <summary>
/// An email could not be sent. The message is fit to show to a superuser (e.g. in the test-email
/// answer): it names the cause, never the message's content or the SMTP credentials.
/// </summary>
public sealed class MailException(string message, Exception? inner = null) : Exception(message, inner);
