using System.Net;
using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Verification;

/// <summary>
/// verify's rules for a `vips:` list, beside the rules of the first VIP that <see cref="VerificationRules"/> applies as
/// always: every other VIP address held by exactly one reachable node, both addresses of a dual-stack pair on the
/// same node (a sync group never splits), and every VIP answering its probe.
/// </summary>
internal static class VipListRules
{
    public static IReadOnlyList<VipVerification> Judge(Inventory inventory, IReadOnlyList<NodeVerification> nodes, IReadOnlyList<VipProbeOutcome> probes, List<string> problems)
    {
        if (inventory.VipList is null) return [];
        var result = new List<VipVerification>();
        var primary = inventory.Vip.Address;
        foreach (var vip in inventory.Vips)
        {
            var live = inventory.Nodes.Where(n => nodes.Any(v => v.Node == n.Name && v.Status.Reachable && v.Status.Keepalived.IsActive && v.Status.Haproxy.IsActive));
            var preferred = VrrpElection.Winner(live, vip.PriorityOf)?.Name;
            var holdersByAddress = new List<IReadOnlyList<string>>();
            foreach (var address in vip.Addresses)
            {
                var holders = nodes.Where(n => n.Status.Reachable && n.Status.LocalAddresses.Contains(address.Address)).Select(n => n.Node).ToList();
                holdersByAddress.Add(holders);
                var probe = probes.FirstOrDefault(p => p.Address == address.Address.ToString());
                result.Add(new VipVerification(vip.Name, address.Address.ToString(), holders, preferred, probe?.Target ?? "", probe?.Result));
                if (address.Address.Equals(primary)) continue; // judged by VerificationRules, as for one VIP
                if (holders.Count >= 2)
                    problems.Add($"split brain: {string.Join(", ", holders)} hold the VIP {vip.Name} ({address.Address})");
                else if (holders.Count == 0)
                    problems.Add($"VIP down: no reachable node holds the VIP {vip.Name} ({address.Address})");
                if (probe?.Result is { } r && !r.Serves && !(r.TlsEstablished && r.HttpStatus is 401 or 403))
                    problems.Add($"the VIP {vip.Name} ({address.Address}) does not serve: {probe.Target}: {r.Describe()}");
            }
            if (vip.DualStack && holdersByAddress.All(h => h.Count == 1) && holdersByAddress[0][0] != holdersByAddress[1][0])
                problems.Add($"the dual-stack VIP {vip.Name} is split: {vip.Address.Address} on {holdersByAddress[0][0]}, {vip.Address6!.Address} on {holdersByAddress[1][0]} (its sync group should keep them on one node)");
        }
        return result;
    }

    /// <summary>Every VIP address but the first, which verify probes as always.</summary>
    public static IEnumerable<IPAddress> OtherAddresses(Inventory inventory) =>
        inventory.VipList is null ? [] : inventory.AllVipAddresses.Select(a => a.Address).Where(a => !a.Equals(inventory.Vip.Address));
}
