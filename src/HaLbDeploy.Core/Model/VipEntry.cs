namespace HaLbDeploy.Core.Model;

/// <summary>
/// One VIP of the tier and its VRRP identity: an entry of `vips:`, or the `vip:` shorthand. <see cref="Address"/>
/// may be IPv4 or IPv6; <see cref="Address6"/>, written only beside an IPv4 address, makes a dual-stack pair: two
/// VRRP instances (VRRPv3 for the IPv6 one) in one sync group, so both addresses always sit on one node.
/// </summary>
/// <param name="Name">The entry's name; for the shorthand the cluster's name.</param>
/// <param name="Interface">The interface of this VIP on every node; null: each node's own interface.</param>
/// <param name="VirtualRouterId">Used by both instances of a dual-stack pair: VRRP router ids are counted per address family (RFC 5798 §5.2.3).</param>
/// <param name="Priorities">This VIP's priority on each node, by node name; null: the nodes' own priorities.</param>
/// <param name="Shorthand">True for the `vip:` key: rendered exactly as before `vips:` existed.</param>
public sealed record VipEntry(
    string Name,
    VirtualIp Address,
    VirtualIp? Address6,
    string? Interface,
    int VirtualRouterId,
    bool VirtualRouterIdDerived,
    IReadOnlyDictionary<string, int>? Priorities,
    bool Shorthand)
{
    /// <summary>The addresses of the entry: one, or the IPv4 and IPv6 address of a dual-stack pair.</summary>
    public IReadOnlyList<VirtualIp> Addresses => Address6 is null ? [Address] : [Address, Address6];

    public bool DualStack => Address6 is not null;

    /// <summary>This VIP's priority on <paramref name="node"/>.</summary>
    public int PriorityOf(LbNode node) => Priorities is not null && Priorities.TryGetValue(node.Name, out var priority) ? priority : node.Priority;

    /// <summary>The interface this VIP lives on at <paramref name="node"/>.</summary>
    public string InterfaceOf(LbNode node) => Interface ?? node.Interface;
}
