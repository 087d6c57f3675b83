using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Planning;

namespace HaLbDeploy.Core.Verification;

/// <summary>
/// The verify verdict as a pure function: node statuses and the VIP probe in, a report out. The VIP rules come
/// first because they decide what clients see: none = "VIP down", two or more = "split brain" naming every holder.
/// </summary>
public static class VerificationRules
{
    /// <param name="retired">The retired nodes' statuses (see <see cref="RetiredNodeRules"/>); none read when null.</param>
    public static VerificationReport Judge(Inventory inventory, IReadOnlyList<NodeStatus> statuses, string vipTarget, VipProbeResult? probe, DateTimeOffset at,
        NeighbourEntry? vipNeighbour = null, IReadOnlyList<NodeStatus>? retired = null, IReadOnlyList<FrontendProbe>? frontendProbes = null, IReadOnlyList<VipProbeOutcome>? otherVipProbes = null)
    {
        var problems = new List<string>();
        var warnings = new List<string>();
        var vip = inventory.Vip.Address.ToString();
        var byName = statuses.ToDictionary(s => s.Node, StringComparer.Ordinal);
        var nodes = inventory.Nodes.Select(n =>
        {
            var status = byName.GetValueOrDefault(n.Name) ?? NodeStatus.Unreachable(n.Name, "not read");
            return new NodeVerification(n.Name, n.Address.ToString(), n.Priority, status, VrrpStateDeriver.Derive(status));
        }).ToList();
        var holders = nodes.Where(n => n.Status.Reachable && n.Status.HoldsVip).Select(n => n.Node).ToList();
        var unreachable = nodes.Where(n => !n.Status.Reachable).ToList();

        if (holders.Count >= 2)
        {
            problems.Add($"split brain: {string.Join(", ", holders)} hold the VIP {vip}");
            CheckFirewallDropsVrrp(inventory, nodes.Where(n => holders.Contains(n.Node)).ToList(), problems);
        }
        else if (holders.Count == 0)
            problems.Add(unreachable.Count == 0
                ? $"VIP down: no node holds {vip}"
                : $"VIP down: no reachable node holds {vip} ({string.Join(", ", unreachable.Select(n => n.Node))} could not be read)");

        foreach (var node in nodes) CheckNode(node, problems, warnings);
        var several = inventory.Frontends.Count > 1;
        var backends = inventory.Frontends.SelectMany(f => f.Backends.Select(b => new BackendVerification(b.Name, $"{b.Address}:{b.Port}",
            nodes.Select(n => new BackendOnNode(n.Node, n.Status.Backends.FirstOrDefault(s => s.Server == b.Name && (!several || s.Proxy == f.Name)))).ToList(), f.Name))).ToList();
        CheckBackends(nodes, backends, warnings, several);
        CheckProbe(vipTarget, probe, problems, warnings);
        foreach (var other in frontendProbes ?? [])
        {
            if (other.ConnectOnly && !other.Answers) problems.Add($"frontend {other.Frontend}: the VIP does not accept connections: {other.Target}: {other.Result.Describe()}");
            else if (!other.ConnectOnly) CheckProbe(other.Target, other.Result, problems, warnings);
        }
        if (probe is { Connected: false } && holders.Count == 1)
            CheckNeighbour(inventory, nodes.Single(n => n.Node == holders[0]), nodes, vipNeighbour, problems);
        if (probe is { Connected: true }) CheckForeignHolder(vip, nodes, vipNeighbour, retired ?? [], problems);
        RetiredNodeRules.Check(inventory, retired ?? [], problems, warnings);
        var vips = VipListRules.Judge(inventory, nodes, [new VipProbeOutcome(vip, vipTarget, probe), .. otherVipProbes ?? []], problems);

        var healthy = problems.Count == 0;
        var summary = healthy
            ? $"OK: {holders[0]} holds the VIP {vip}{OtherHolders(vips, vip)}; {nodes.Count}/{nodes.Count} nodes healthy; " +
              $"{backends.Count(b => b.UpSomewhere)}/{backends.Count} backends UP" +
              (backends.Count(b => b.DrainedOn.Count > 0) is > 0 and var drained ? $", {drained} drained" : "") + (warnings.Count > 0 ? $"; {Plural(warnings.Count, "warning")}" : "")
            : $"UNHEALTHY: {problems[0]}" + (problems.Count > 1 ? $" (+{Plural(problems.Count - 1, "more problem")})" : "");
        return new VerificationReport(at, healthy, summary, problems, warnings, vip, holders, nodes, backends, vipTarget, probe, vipNeighbour, frontendProbes) { Vips = vips };
    }

    private static void CheckNode(NodeVerification node, List<string> problems, List<string> warnings)
    {
        var status = node.Status;
        if (!status.Reachable)
        {
            problems.Add($"{node.Node}: unreachable: {status.Error}");
            return;
        }
        if (status.Error is not null)
        {
            problems.Add($"{node.Node}: {status.Error}");
            return;
        }
        foreach (var unit in new[] { status.Keepalived, status.Haproxy })
        {
            if (!unit.IsActive) problems.Add($"{node.Node}: {unit.Name} is {unit.Active}");
            if (!unit.IsEnabled) problems.Add($"{node.Node}: {unit.Name} is {(unit.Enabled == "not-found" ? "not installed" : unit.Enabled)} (not enabled: it would not start at boot)");
        }
        if (status.HoldsVip && !status.Keepalived.IsActive)
            problems.Add($"{node.Node} holds the VIP but keepalived is not running: the address was left behind and nothing will move it");
        if (status.LinkUp == false) problems.Add($"{node.Node}: the VRRP interface is down (keepalived is in FAULT)");
        if (status.Keepalived.IsActive && status.TrackCheckPassed == false && status.Haproxy.IsActive)
            problems.Add($"{node.Node}: keepalived's track script fails although haproxy is active (the node is in FAULT)");
        if (!status.Haproxy.IsActive) return;
        if (status.StatsError is not null)
        {
            warnings.Add($"{node.Node}: backend states unknown: {status.StatsError}");
            return;
        }
        var proxies = status.Backends.GroupBy(b => b.Proxy).ToList();
        foreach (var proxy in proxies.Where(p => !p.Any(b => b.IsUp)))
        {
            var which = proxies.Count > 1 ? $" of frontend {proxy.Key}" : "";
            problems.Add($"{node.Node}: no backend{which} is UP in haproxy ({string.Join(", ", proxy.Select(b => $"{b.Server} {b.Describe()}"))})");
        }
    }

    private static void CheckBackends(List<NodeVerification> nodes, List<BackendVerification> backends, List<string> warnings, bool several)
    {
        var readable = nodes.Where(n => n.Status.Reachable && n.Status.Haproxy.IsActive && n.Status.StatsError is null && n.Status.Backends.Count > 0)
            .Select(n => n.Node).ToHashSet(StringComparer.Ordinal);
        foreach (var backend in backends)
        {
            var seen = backend.Nodes.Where(n => readable.Contains(n.Node)).ToList();
            var missing = seen.Where(n => n.Status is null).Select(n => n.Node).ToList();
            var of = several ? $" of frontend {backend.Frontend}" : "";
            if (missing.Count > 0)
                warnings.Add($"backend {backend.Name} ({backend.Address}){of} is not in haproxy's configuration on {string.Join(", ", missing)} (run apply)");
            var drained = seen.Where(n => n.Status is { IsDrained: true }).Select(n => n.Node).ToList();
            if (drained.Count > 0)
                warnings.Add($"backend {backend.Name} ({backend.Address}){of} is drained on {string.Join(", ", drained)}: it takes no new connections " +
                    $"(halb-deploy undrain --backend {backend.Name} puts it back)");
            var down = seen.Where(n => n.Status is { IsUp: false, IsDrained: false }).ToList();
            if (down.Count > 0)
                warnings.Add($"backend {backend.Name} ({backend.Address}){of} is {string.Join("; ", down.GroupBy(n => n.Status!.Describe()).Select(g => $"{g.Key} on {string.Join(", ", g.Select(n => n.Node))}"))}");
        }
    }

    private static void CheckProbe(string target, VipProbeResult? probe, List<string> problems, List<string> warnings)
    {
        if (probe is null) return;
        if (!probe.Connected) problems.Add($"the VIP does not accept connections: {target}: {probe.Describe()}");
        else if (!probe.TlsEstablished) problems.Add($"TLS through the VIP fails: {target}: {probe.Describe()}");
        else if (probe.HttpStatus is 401 or 403)
            warnings.Add($"{target} answered {probe.HttpStatus}: the API server does not allow anonymous readiness checks; TLS through the VIP works");
        else if (!probe.Serves) problems.Add($"{target} through the VIP: {probe.Describe()}");
    }

    /// <summary>
    /// One node holds the VIP but this machine cannot connect to it, and its ARP entry for the VIP sends to another
    /// hardware address: typically a node that held the VIP before (after a split brain the holder that never left
    /// MASTER does not announce), so the packets go to a node that dropped the address.
    /// </summary>
    private static void CheckNeighbour(Inventory inventory, NodeVerification holder, List<NodeVerification> nodes, NeighbourEntry? entry, List<string> problems)
    {
        if (entry is null || holder.Status.LinkLayerAddress is not { } holderAddress || entry.LinkLayerAddress == holderAddress) return;
        var owner = VerificationReport.NodeNamed(nodes, entry);
        var refresh = inventory.Vrrp.GarpRefreshSeconds;
        var fix = refresh > 0
            ? $"{holder.Node} re-announces the VIP every {refresh} s (vrrp.garp_refresh), which corrects such entries"
            : $"Set vrrp.garp_refresh (e.g. 10) so that {holder.Node} re-announces the VIP";
        problems.Add($"this machine's ARP entry for {entry.Address} names {entry.LinkLayerAddress}{(owner is null ? "" : $" ({owner})")}, " +
            $"but {holder.Node} ({holderAddress}) holds the VIP: the entry is left from an earlier holder. {fix}; " +
            $"to clear it here now: ip neigh del {entry.Address} dev {entry.Device}");
    }

    /// <summary>
    /// The VIP answered, but through a hardware address that is no LB node's VRRP interface: a machine outside the
    /// inventory holds the VIP too (a node taken out of the inventory with keepalived still running, a copied VM).
    /// Judged only when every node was read and reported its address, so an unknown node cannot be the answerer.
    /// </summary>
    private static void CheckForeignHolder(string vip, List<NodeVerification> nodes, NeighbourEntry? entry, IReadOnlyList<NodeStatus> retired, List<string> problems)
    {
        if (entry is null || nodes.Any(n => !n.Status.Reachable || n.Status.LinkLayerAddress is null)) return;
        if (VerificationReport.NodeNamed(nodes, entry) is not null) return;
        if (RetiredNodeRules.NodeNamed(retired, entry) is { } former)
        {
            problems.Add($"the VIP {vip} answered from {entry.LinkLayerAddress}, the retired node {former}: it still answers for the VIP. Fix: run `halb-deploy apply`, which stops keepalived there");
            return;
        }
        var known = string.Join(", ", nodes.Select(n => $"{n.Node} {n.Status.LinkLayerAddress}"));
        problems.Add($"the VIP {vip} answered from {entry.LinkLayerAddress}, which is no LB node's VRRP interface ({known}): a machine outside the " +
            $"inventory holds the VIP (a node removed from the inventory with keepalived still running?). Find it with `arping -c 3 -I {entry.Device} {vip}` " +
            "(every answer names a MAC), then stop keepalived there or add it back to the inventory");
    }

    /// <summary>
    /// A split brain on nodes whose firewalld lets no VRRP in from their peers: name firewalld as the cause and give the
    /// exact commands (the rich rules apply would add). With unicast, conntrack may let a peer's adverts in as replies
    /// to the node's own, so this is said only where the holders' own zones lack the rule.
    /// </summary>
    private static void CheckFirewallDropsVrrp(Inventory inventory, List<NodeVerification> holders, List<string> problems)
    {
        var group = inventory.Vrrp.Mode == VrrpMode.Multicast ? inventory.Vrrp.MulticastGroup : null;
        foreach (var holder in holders)
        {
            if (holder.Status.FirewalldRunning != true || holder.Status.FirewallZone is not { } zone) continue;
            var node = inventory.Nodes.Single(n => n.Name == holder.Node);
            var blocked = FirewallRules.VrrpFromPeers(inventory, node).Where(p => !zone.AcceptsVrrpFrom(p.Peer.Address, group)).ToList();
            if (blocked.Count == 0) continue;
            var fix = string.Join(" && ", blocked.SelectMany(p => new[]
            {
                $"firewall-cmd --zone={zone.Name} --add-rich-rule='{p.Rule}'", $"firewall-cmd --permanent --zone={zone.Name} --add-rich-rule='{p.Rule}'",
            }));
            problems.Add($"firewalld on {holder.Node} drops VRRP from {string.Join(", ", blocked.Select(p => $"{p.Peer.Name} ({p.Peer.Address})"))}: " +
                         $"zone {zone.Name} has no rule accepting it, so {holder.Node} never hears them and holds the VIP too. " +
                         $"Fix: run `halb-deploy apply`, or on {holder.Node}: {fix}");
        }
    }

    /// <summary>", lb2 holds ingress 10.0.0.101" for every other VIP address of a `vips:` list.</summary>
    private static string OtherHolders(IReadOnlyList<VipVerification> vips, string first) =>
        string.Concat(vips.Where(v => v.Address != first && v.Holders.Count == 1).Select(v => $", {v.Holders[0]} holds {v.Name} {v.Address}"));

    private static string Plural(int n, string word) => $"{n} {word}{(n == 1 ? "" : "s")}";
}
