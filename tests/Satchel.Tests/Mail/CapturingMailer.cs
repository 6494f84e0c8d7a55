using Satchel.Mail;

namespace Satchel.Tests.Mail;

/// <summary>A mail transport that keeps what it was given (and can be told to fail).</summary>
public sealed class CapturingMailer : IMailer
{
    public List<MailMessage> Sent { get; } = new();
    public Exception? FailWith { get; set; }
    public Action? OnSend { get; set; }

    public void Send(MailMessage message)
    {
        OnSend?.Invoke();
        if (FailWith != null) throw FailWith;
        Sent.Add(message);
    }
}
