using System.Net;

namespace HaLbDeploy.Core.Facts;

/// <summary>A network interface of the node with its IPv4 addresses (the VIP among them on the holder).</summary>
/// <param name="Name">The kernel name, e.g. eth0 (without the @ifN peer suffix of veth pairs).</param>
/// <param name="LinkUp">Administratively up with carrier (UP and LOWER_UP); null when `ip -o link` was not read.</param>
public sealed record NetworkInterface(string Name, bool? LinkUp, IReadOnlyList<InterfaceAddress> Addresses)
{
    public bool Holds(IPAddress address) => Addresses.Any(a => a.Address.Equals(address));
}
