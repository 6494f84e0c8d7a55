using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;
using Satchel.Tests.Support;

namespace Satchel.Tests.Mail;

/// <summary>How the test SMTP server protects its sessions.</summary>
public enum SmtpSecurity
{
    /// <summary>No TLS at all.</summary>
    None,
    /// <summary>Plain connection that offers STARTTLS.</summary>
    StartTls,
    /// <summary>TLS from the first byte (smtps).</summary>
    Implicit,
}

/// <summary>A message the test server accepted, with what the session looked like.</summary>
public sealed record ReceivedMail(MimeMessage Message, string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo, string? User, bool Secure, string? Helo);

/// <summary>
/// A real SMTP server on 127.0.0.1 (the SmtpServer package) for the mailer tests: optional TLS
/// with a self-signed certificate made for the test, optional required authentication with one
/// user, and every accepted message kept in <see cref="Received"/>.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private readonly ConcurrentDictionary<string, string> _helo = new();

    public IPAddress Address { get; }
    public int Port { get; }
    public X509Certificate2? Certificate { get; }
    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    /// <summary>Names of the AUTH attempts seen ("PLAIN", "LOGIN").</summary>
    public ConcurrentQueue<string> AuthMethods { get; } = new();

    private TestSmtpServer(SmtpSecurity security, (string User, string Password)? account, IPAddress address)
    {
        Address = address;
        Port = FreePort.Next();
        if (security != SmtpSecurity.None) Certificate = SelfSigned();

        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e =>
            {
                e.Endpoint(new IPEndPoint(Address, Port));
                if (Certificate != null) e.Certificate(Certificate);
                e.IsSecure(security == SmtpSecurity.Implicit);
                e.AuthenticationRequired(account != null);
                // A server without TLS still has to take AUTH for the plain-connection tests.
                e.AllowUnsecureAuthentication(security == SmtpSecurity.None);
            })
            .Build();

        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        if (account is var (user, password))
            services.Add(new DelegatingUserAuthenticator((u, p) => u == user && p == password));

        var server = new SmtpServer.SmtpServer(options, services);
        server.SessionCreated += (_, e) => e.Context.CommandExecuting += (_, c) =>
        {
            switch (c.Command)
            {
                case EhloCommand ehlo: _helo[c.Context.SessionId.ToString()] = ehlo.DomainOrAddress; break;
                case HeloCommand helo: _helo[c.Context.SessionId.ToString()] = helo.DomainOrAddress; break;
                case AuthCommand auth: AuthMethods.Enqueue(auth.Method.ToString().ToUpperInvariant()); break;
            }
        };
        _running = server.StartAsync(_stop.Token);
    }

    public static async Task<TestSmtpServer> StartAsync(SmtpSecurity security = SmtpSecurity.None, (string User, string Password)? account = null,
        string bind = "127.0.0.1")
    {
        var server = new TestSmtpServer(security, account, IPAddress.Parse(bind));
        await server.WaitListeningAsync();
        return server;
    }

    /// <summary>Accepts exactly this server's certificate (it is self-signed, so the system would refuse it).</summary>
    public bool TrustsOwnCertificate(object sender, X509Certificate? certificate, X509Chain? chain, System.Net.Security.SslPolicyErrors errors)
        => certificate != null && Certificate != null && certificate.GetCertHashString() == Certificate.GetCertHashString();

    public ReceivedMail Single() => Assert.Single(Received);

    private async Task WaitListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            if (_running.IsFaulted) await _running;
            try
            {
                using var probe = new System.Net.Sockets.TcpClient();
                await probe.ConnectAsync(Address, Port);
                return;
            }
            catch (System.Net.Sockets.SocketException) { await Task.Delay(20); }
        }
        throw new TimeoutException("the test SMTP server did not start listening");
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddHours(1));
        // A round trip through PKCS#12 gives a certificate whose private key SslStream can use on Linux.
        return X509CertificateLoader.LoadPkcs12(cert.Export(X509ContentType.Pkcs12), null);
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try { await _running.WaitAsync(TimeSpan.FromSeconds(10)); }
        catch (OperationCanceledException) { }
        catch (TimeoutException) { }
        _stop.Dispose();
        Certificate?.Dispose();
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var raw = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(raw, cancellationToken);
            owner._helo.TryGetValue(context.SessionId.ToString(), out var helo);
            owner.Received.Enqueue(new ReceivedMail(
                message,
                transaction.From.AsAddress(),
                transaction.To.Select(t => t.AsAddress()).ToList(),
                context.Authentication.IsAuthenticated ? context.Authentication.User : null,
                context.Pipe.IsSecure,
                helo));
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
