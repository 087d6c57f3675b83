using System.Net;

namespace HaLbDeploy.Core.Verification;

/// <summary>One complete entry of this machine's ARP table: which hardware address it sends <see cref="Address"/>'s packets to.</summary>
/// <param name="LinkLayerAddress">Lower case, e.g. "a6:55:47:52:28:39".</param>
/// <param name="Device">The local interface the entry belongs to, e.g. "eth0".</param>
public sealed record NeighbourEntry(IPAddress Address, string LinkLayerAddress, string Device);
