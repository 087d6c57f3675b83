using System.Net;
using HaLbDeploy.Core.Verification;

namespace HaLbDeploy.Core.Ports;

/// <summary>This machine's neighbour (ARP) cache, looked up after the VIP probe.</summary>
public interface INeighbourTable
{
    /// <summary>The complete entry for <paramref name="address"/>; null when there is none (e.g. the VIP is routed, not on a local subnet).</summary>
    NeighbourEntry? Find(IPAddress address);
}
