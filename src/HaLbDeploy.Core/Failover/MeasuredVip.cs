using System.Net;
using System.Net.Sockets;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Failover;

/// <summary>
/// Which VIP failover-test measures when the inventory has a `vips:` list: the VIP whose priorities prefer the
/// faulted node (it is the one the fault moves), else the first. The test then runs on a one-VIP view of the
/// inventory: that VIP's address, router id, interface and priorities, so the holder sampling, the expected new
/// holder and the timing bounds are that VIP's. Of a dual-stack pair (one sync group) the IPv4 address is the main
/// measurement and the IPv6 address (<see cref="OtherAddresses"/>) is sampled, probed and judged the same way beside it.
/// </summary>
public static class MeasuredVip
{
    public static VipEntry Choose(Inventory inventory, string faultedNode) =>
        inventory.Vips.FirstOrDefault(v => VrrpElection.Winner(inventory.Nodes, v.PriorityOf)?.Name == faultedNode) ?? inventory.Vips[0];

    /// <summary>
    /// The one-VIP view failover-test runs on; the inventory itself for the `vip:` shorthand. Its frontends are those that
    /// listen on the VIP (without `vip:`, or bound to it), no longer bound: the view has no other VIP.
    /// </summary>
    public static Inventory View(Inventory inventory, VipEntry vip) => inventory.VipList is null ? inventory : inventory with
    {
        Vip = vip.Address,
        Frontends = ListeningOn(inventory, vip) is { Count: > 0 } listening ? listening : inventory.Frontends,
        VirtualRouterId = vip.VirtualRouterId,
        VirtualRouterIdDerived = vip.VirtualRouterIdDerived,
        Nodes = inventory.Nodes.Select(n => n with { Priority = vip.PriorityOf(n), Interface = vip.InterfaceOf(n) }).ToList(),
        VipList = null,
    };

    /// <summary>The addresses of the VIP's sync group besides the main one: the IPv6 half of a dual-stack pair, else none.</summary>
    public static IReadOnlyList<IPAddress> OtherAddresses(VipEntry vip) => vip.Addresses.Skip(1).Select(a => a.Address).ToList();

    /// <summary>Why the VIP cannot be measured (an IPv6-only VIP: the sampler reads IPv4 addresses); null when it can.</summary>
    public static string? Unmeasurable(VipEntry vip) => vip.Address.Address.AddressFamily == AddressFamily.InterNetworkV6
        ? $"the VIP {vip.Name} ({vip.Address}) is IPv6 only; failover-test samples IPv4 VIP holders so far"
        : null;

    /// <summary>As <see cref="Unmeasurable(VipEntry)"/>, and also when no frontend listens on the VIP (all are bound to other VIPs): nothing would answer the probe.</summary>
    public static string? Unmeasurable(Inventory inventory, VipEntry vip) => Unmeasurable(vip) ?? (ListeningOn(inventory, vip).Count == 0
        ? $"no frontend listens on the VIP {vip.Name} ({vip.Address}): each is bound to another VIP with `vip:`, so a probe through it would be refused"
        : null);

    private static List<Frontend> ListeningOn(Inventory inventory, VipEntry vip) =>
        inventory.Frontends.Where(f => inventory.ListensOn(f, vip.Address.Address)).Select(f => f with { Vip = null }).ToList();
}
