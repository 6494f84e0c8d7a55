using System.Text.RegularExpressions;
using MimeKit;
using Satchel.Tests.Mail;

namespace Satchel.Tests.AuthFlows;

/// <summary>
/// The messages the test SMTP server received, taken one by one by recipient (and subject), so
/// tests sharing a server each find their own mail.
/// </summary>
public sealed partial class MailBox(TestSmtpServer smtp)
{
    private readonly List<ReceivedMail> _kept = new();

    /// <summary>Waits for the next message to <paramref name="to"/> (whose subject contains <paramref name="subject"/>) and removes it.</summary>
    public async Task<MimeMessage> TakeAsync(string to, string subject = "", TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            lock (_kept)
            {
                while (smtp.Received.TryDequeue(out var mail)) _kept.Add(mail);
                var found = _kept.FirstOrDefault(m => Matches(m, to, subject));
                if (found != null)
                {
                    _kept.Remove(found);
                    return found.Message;
                }
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no email to {to} with subject containing \"{subject}\" arrived");
            await Task.Delay(25);
        }
    }

    /// <summary>Asserts that no message to <paramref name="to"/> arrives within <paramref name="wait"/>.</summary>
    public async Task AssertNoneAsync(string to, TimeSpan? wait = null)
    {
        await Task.Delay(wait ?? TimeSpan.FromSeconds(1));
        lock (_kept)
        {
            while (smtp.Received.TryDequeue(out var mail)) _kept.Add(mail);
            var found = _kept.FirstOrDefault(m => Matches(m, to, ""));
            Assert.True(found == null, $"unexpected email to {to}: {found?.Message.Subject}");
        }
    }

    private static bool Matches(ReceivedMail mail, string to, string subject)
        => mail.EnvelopeTo.Any(t => string.Equals(t, to, StringComparison.OrdinalIgnoreCase))
           && (mail.Message.Subject ?? "").Contains(subject, StringComparison.Ordinal);

    /// <summary>The token of a confirmation link ("…/confirm-verification/TOKEN") in the message.</summary>
    public static string LinkToken(MimeMessage message, string action)
    {
        var m = Regex.Match(message.HtmlBody ?? "", "/auth/" + Regex.Escape(action) + "/([A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+\\.[A-Za-z0-9_\\-]+)");
        Assert.True(m.Success, $"no {action} link in: {message.HtmlBody}");
        return m.Groups[1].Value;
    }

    /// <summary>The one-time password of an OTP email (the default template puts it in &lt;strong&gt;).</summary>
    public static string OtpCode(MimeMessage message)
    {
        var m = OtpPattern().Match(message.HtmlBody ?? "");
        Assert.True(m.Success, $"no code in: {message.HtmlBody}");
        return m.Groups[1].Value;
    }

    [GeneratedRegex("<strong>(\\d+)</strong>")]
    private static partial Regex OtpPattern();
}
