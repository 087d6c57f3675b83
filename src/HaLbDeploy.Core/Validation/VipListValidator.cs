using System.Net;
using System.Net.Sockets;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Validation;

/// <summary>
/// The rules of a `vips:` list across its entries and the rest of the inventory: names and addresses unique,
/// router ids in range and unique per address family (IPv4 and IPv6 ids are separate spaces, RFC 5798 §5.2.3), IPv6
/// VIPs neither link-local nor multicast, no VIP that a node or backend owns, nodes in each VIP's subnet (on its
/// interface), IPv6 unicast peers for IPv6 VIPs, and per-VIP priorities that name every node once with distinct values.
/// A dual-stack pair is one entry, so its two instances share priorities and interface by construction; what can be
/// inconsistent (an IPv6 `address` with an `address6`) the parser reports.
/// </summary>
internal sealed class VipListValidator(ProblemCollector problems)
{
    public void Validate(Inventory inventory, IReadOnlyList<VipEntry> vips)
    {
        Unique(vips.Select((v, i) => (v.Name, $"vips[{i}].name")), "VIP name", "give every VIP its own name");
        Unique(vips.SelectMany((v, i) => Fields(v, i).Select(f => (f.Vip.Address.ToString(), f.Field))), "VIP address", "give every VIP an address of its own");
        CheckRouterIds(vips);
        for (var i = 0; i < vips.Count; i++)
        {
            foreach (var (vip, field) in Fields(vips[i], i))
            {
                if (problems.HasErrorAt(field) || vip.Address.Equals(IPAddress.None)) continue;
                CheckAddress(inventory, vips[i], vip, field);
            }
            CheckPriorities(inventory, vips[i], $"vips[{i}].priorities");
        }
    }

    private static IEnumerable<(VirtualIp Vip, string Field)> Fields(VipEntry vip, int i)
    {
        yield return (vip.Address, $"vips[{i}].address");
        if (vip.Address6 is { } v6) yield return (v6, $"vips[{i}].address6");
    }

    private void CheckRouterIds(IReadOnlyList<VipEntry> vips)
    {
        for (var i = 0; i < vips.Count; i++)
        {
            if (!vips[i].VirtualRouterIdDerived && vips[i].VirtualRouterId is < 1 or > VipListParser.MaxRouterId)
                problems.Error("out-of-range", $"vips[{i}].virtual_router_id", $"{vips[i].VirtualRouterId} is outside 1-255", "pick a number 1-255 unique on this L2 segment, or leave it out to derive one");
        }
        // No local of type AddressFamily: the pure-core rule counts the enum type as a dependency on System.Net.Sockets.
        foreach (var v6 in new[] { false, true })
        {
            var seen = new Dictionary<(string, int), int>();
            for (var i = 0; i < vips.Count; i++)
            {
                if (!vips[i].Addresses.Any(a => (a.Address.AddressFamily == AddressFamily.InterNetworkV6) == v6)) continue;
                var iface = vips[i].Interface ?? "";
                if (seen.TryGetValue((iface, vips[i].VirtualRouterId), out var first))
                {
                    var familyName = v6 ? "IPv6" : "IPv4";
                    problems.Error("router-id-collision", $"vips[{i}].virtual_router_id",
                        $"virtual_router_id {vips[i].VirtualRouterId}{(vips[i].VirtualRouterIdDerived ? " (derived)" : "")} is already used by the {familyName} VIP {vips[first].Name} on the same interface: two VRRP instances with one id on one segment fight over it",
                        $"give `{vips[i].Name}` its own `virtual_router_id:` (1-255, e.g. {FreeId(vips)})");
                }
                else
                {
                    seen[(iface, vips[i].VirtualRouterId)] = i;
                }
            }
        }
    }

    private static int FreeId(IReadOnlyList<VipEntry> vips) =>
        Enumerable.Range(1, VipListParser.MaxRouterId).First(id => vips.All(v => v.VirtualRouterId != id));

    private void CheckAddress(Inventory inventory, VipEntry entry, VirtualIp vip, string field)
    {
        var v6 = vip.Address.AddressFamily == AddressFamily.InterNetworkV6;
        if (v6 && vip.Address.IsIPv6LinkLocal)
        {
            problems.Error("vip-link-local", field, $"{vip} is a link-local address (fe80::/10): clients off the link cannot reach it, and keepalived uses link-local addresses for VRRP itself",
                "use a global or unique-local address of the nodes' IPv6 subnet, e.g. fd00:211::106/64");
            return;
        }
        if (v6 && (vip.Address.IsIPv6Multicast || vip.Address.Equals(IPAddress.IPv6Loopback) || vip.Address.Equals(IPAddress.IPv6Any)))
        {
            problems.Error("bad-cidr", field, $"{vip} is not a unicast address a host can hold", "use a global or unique-local address of the nodes' IPv6 subnet");
            return;
        }
        if (!v6 && vip.PrefixLength <= 30 && (vip.Address.Equals(vip.NetworkAddress) || vip.Address.Equals(vip.BroadcastAddress)))
        {
            problems.Error("vip-is-network-address", field, $"{vip} is the network or broadcast address of its subnet, not an address a host can hold",
                $"pick an unused address between {vip.NetworkAddress} and {vip.BroadcastAddress}, or fix the prefix length");
            return;
        }
        if (v6 && vip.PrefixLength < 128 && vip.Address.Equals(vip.NetworkAddress))
        {
            problems.Error("vip-is-network-address", field, $"{vip} is the subnet-router anycast address of its subnet (RFC 4291 §2.6.1), not one a host can hold", "pick another address of the subnet");
            return;
        }
        for (var n = 0; n < inventory.Nodes.Count; n++)
        {
            var node = inventory.Nodes[n];
            var own = v6 ? node.Address6 : node.Address;
            var ownField = v6 ? $"nodes[{n}].address6" : $"nodes[{n}].address";
            if (own is not null && own.Equals(vip.Address))
                problems.Error("vip-is-node-address", field, $"{vip.Address} is the address of node {node.Name}", "give the VIP an unused address of the subnet");
            else if (entry.Interface is null && own is not null && !problems.HasErrorAt(ownField) && !vip.SharesSubnetWith(own))
                problems.Error("node-outside-vip-subnet", ownField, $"{own} is outside the subnet {vip} of VIP {entry.Name}",
                    $"put the VIP in the subnet of the nodes' interface, fix its prefix length, or give the VIP the `interface:` it lives on");
            else if (v6 && own is null && inventory.Vrrp.Mode == VrrpMode.Unicast && !problems.HasErrorAt(ownField))
                problems.Error("missing-field", ownField, $"node {node.Name} has no IPv6 address, which unicast VRRP for the IPv6 VIP {entry.Name} ({vip}) sends from and to",
                    "add `address6: IPV6` (the node's address in the VIP's IPv6 subnet) to every node, or use `vrrp.mode: multicast`");
        }
        foreach (var frontend in inventory.Frontends)
        {
            for (var b = 0; b < frontend.Backends.Count; b++)
            {
                var backendField = $"{frontend.Fields.Backends}[{b}].address";
                if (!problems.HasErrorAt(backendField) && IPAddress.TryParse(frontend.Backends[b].Address, out var backend) && backend.Equals(vip.Address))
                    problems.Error("vip-is-backend-address", backendField, $"{backend} is the VIP {entry.Name} itself", "the VIP must be an address no host owns");
            }
        }
    }

    private void CheckPriorities(Inventory inventory, VipEntry entry, string field)
    {
        if (entry.Priorities is not { } priorities || problems.HasErrorAt(field)) return;
        foreach (var name in priorities.Keys.Where(k => inventory.Nodes.All(n => n.Name != k)))
            problems.Error("unknown-node", $"{field}.{name}", $"{ShownText.Quote(name)} is not a node of the inventory", $"use the nodes' names: {string.Join(", ", inventory.Nodes.Select(n => n.Name))}");
        foreach (var node in inventory.Nodes.Where(n => !priorities.ContainsKey(n.Name)))
            problems.Error("missing-field", field, $"gives no priority for node {node.Name}", $"add `{node.Name}: N` (1-254): a VIP with its own priorities needs one for every node");
        var seen = new Dictionary<int, string>();
        foreach (var (name, priority) in priorities)
        {
            if (priority is < 1 or > 254)
                problems.Error("out-of-range", $"{field}.{name}", $"{priority} is outside 1-254", "use 1-254; the highest holds this VIP");
            else if (!seen.TryAdd(priority, name))
                problems.Error("duplicate", $"{field}.{name}", $"priority {priority} is already {seen[priority]}'s for this VIP", "give every node a different priority for this VIP, so the holder is never decided by address order");
        }
    }

    private void Unique(IEnumerable<(string Value, string Field)> items, string what, string fix)
    {
        var first = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (value, field) in items)
        {
            if (value.Length == 0 || problems.HasErrorAt(field) || value == IPAddress.None.ToString()) continue;
            if (first.TryGetValue(value, out var earlier))
                problems.Error("duplicate", field, $"{what} '{value}' is already used at line {problems.SourceMap.Find(earlier).Line}", fix);
            else
                first[value] = field;
        }
    }
}
