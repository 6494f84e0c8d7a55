using System.Diagnostics;
using MimeKit;
using Satchel.Mail;

namespace Satchel.Plugins.MailerSmtp;

/// <summary>
/// Delivery through the local sendmail program (what PocketBase does while SMTP is off): the
/// MIME message is piped to "sendmail -i -t", which takes the recipients from its headers.
/// </summary>
public sealed class SendmailDelivery(IReadOnlyList<string>? candidates = null)
{
    /// <summary>Where PocketBase looks, in order; a bare name is searched on the PATH.</summary>
    public static readonly IReadOnlyList<string> DefaultCandidates = new[] { "/usr/sbin/sendmail", "/usr/bin/sendmail", "sendmail" };

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public void Send(MimeMessage message)
    {
        var path = Locate() ?? throw new MailException(
            "SMTP is disabled in the mail settings and no sendmail program was found (looked for " +
            string.Join(", ", candidates ?? DefaultCandidates) + "); enable SMTP or install sendmail");

        var start = new ProcessStartInfo(path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-i");
        start.ArgumentList.Add("-t");

        using var process = Process.Start(start) ?? throw new MailException($"failed to start {path}");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        using (var stdin = process.StandardInput.BaseStream)
        {
            message.WriteTo(FormatOptions.Default, stdin);
        }
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new MailException($"{path} did not finish within {Timeout.TotalSeconds:0}s");
        }
        Task.WaitAll(stderr, stdout);
        if (process.ExitCode != 0)
        {
            var detail = stderr.Result.Trim();
            throw new MailException($"{path} exited with code {process.ExitCode}" + (detail != "" ? ": " + FirstLine(detail) : ""));
        }
    }

    private string? Locate()
    {
        foreach (var candidate in candidates ?? DefaultCandidates)
        {
            if (Path.IsPathRooted(candidate) || candidate.Contains('/'))
            {
                if (File.Exists(candidate)) return candidate;
                continue;
            }
            foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                var full = Path.Combine(dir, candidate);
                if (File.Exists(full)) return full;
            }
        }
        return null;
    }

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? text : text[..end];
    }
}
