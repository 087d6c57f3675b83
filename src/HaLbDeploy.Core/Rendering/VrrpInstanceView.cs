namespace HaLbDeploy.Core.Rendering;

/// <summary>
/// One vrrp_instance of the node being rendered: one VIP address, its router id, this node's priority and state
/// for it, the VRRP source and peers of its address family. <see cref="Version3"/>: an IPv6 VIP, which only
/// VRRP version 3 carries (RFC 5798), and which has no authentication.
/// </summary>
internal sealed record VrrpInstanceView(
    string Name,
    string State,
    string Interface,
    int VirtualRouterId,
    int Priority,
    bool Version3,
    string Source,
    IReadOnlyList<string> Peers,
    string Cidr);
