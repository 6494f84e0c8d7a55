using System.Net.Mail;
using MailMessage = Satchel.Mail.MailMessage;

namespace Satchel.Tests.Mail;

public static class TestMessages
{
    public static MailMessage Simple(string subject = "Hello", string html = "<p>Hi <b>there</b></p>") => new()
    {
        From = new MailAddress("support@example.com", "Support"),
        To = { new MailAddress("to@example.com", "To Person") },
        Subject = subject,
        Html = html,
    };
}
