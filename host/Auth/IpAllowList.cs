using System.Net;

namespace Satchel.Auth;

/// <summary>Matches an address against a list of single IPs and CIDR subnets (the superuserIPs setting).</summary>
public static class IpAllowList
{
    public static bool Contains(IEnumerable<string> ipsOrSubnets, IPAddress? address)
    {
        if (address == null) return false;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        foreach (var item in ipsOrSubnets)
        {
            var entry = item.Trim();
            if (entry.Contains('/'))
            {
                if (IPNetwork.TryParse(entry, out var network) && network.Contains(address)) return true;
            }
            else if (IPAddress.TryParse(entry, out var single))
            {
                if (single.IsIPv4MappedToIPv6) single = single.MapToIPv4();
                if (single.Equals(address)) return true;
            }
        }
        return false;
    }
}
