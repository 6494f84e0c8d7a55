using System.Net;
using System.Net.Sockets;

namespace Satchel.Tests.Support;

/// <summary>A TCP port on 127.0.0.1 that nothing listens on right now (the OS picks it).</summary>
public static class FreePort
{
    public static int Next()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
