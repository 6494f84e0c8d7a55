using System.Net;

namespace Satchel.Http;

/// <summary>Parses --http values such as "127.0.0.1:8090", "0.0.0.0:80", "[::1]:8090" or ":8090".</summary>
public static class ListenAddress
{
    public static IPEndPoint Parse(string value)
    {
        var v = value.Trim();
        if (v.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) v = v[7..];
        if (v.StartsWith(':')) v = "0.0.0.0" + v;
        if (v == "localhost" || v.StartsWith("localhost:")) v = "127.0.0.1" + v["localhost".Length..];
        if (!v.Contains(':') || v.EndsWith(']')) v += ":80";
        if (IPEndPoint.TryParse(v, out var ep)) return ep;
        throw new ArgumentException($"invalid --http address \"{value}\" (expected host:port, e.g. 127.0.0.1:8090)");
    }
}
