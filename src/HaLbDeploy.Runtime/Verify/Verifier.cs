using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Verification;
using HaLbDeploy.Runtime.Hosts;

namespace HaLbDeploy.Runtime.Verify;

/// <summary>
/// One verify round: reads every node's status in parallel (one read-only script each) while probing the VIP from
/// the control host, then lets <see cref="VerificationRules"/> judge. Uses the sessions only to read. After the probe
/// it looks the VIP up in this machine's ARP table, so that a connection lost to a stale entry can be named. The retired
/// nodes are read the same way (their MAC on the top-level interface), to tell when one still answers for the VIP.
/// </summary>
/// With a `vips:` list, <paramref name="otherVipProbes"/> probe the other VIP addresses (both families) in the same round.
/// <param name="frontendProbers">With several frontends, how to probe each after the first (whose probe is <paramref name="vipProbe"/>).</param>
public sealed class Verifier(Inventory inventory, NodeSessions sessions, IVipProbe vipProbe, TimeProvider time, INeighbourTable? neighbours = null,
    IReadOnlyList<FrontendProber>? frontendProbers = null,
    IReadOnlyList<(string Address, IVipProbe Probe)>? otherVipProbes = null)
{
    /// <summary>The longest a node may take to answer before it counts as unreachable for this round.</summary>
    public static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(30);

    public async Task<VerificationReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var probe = vipProbe.ProbeAsync(cancellationToken);
        var retired = Task.WhenAll(inventory.Retired.Select(r => ReadAsync(r.AsSshTarget() with { Interface = inventory.DefaultInterface }, cancellationToken)));
        var others = (frontendProbers ?? []).Select(async p => new FrontendProbe(p.Frontend, p.Port, p.Probe.Target, p.ConnectOnly, await p.Probe.ProbeAsync(cancellationToken))).ToList();
        var otherVips = (otherVipProbes ?? []).Select(async p => new VipProbeOutcome(p.Address, p.Probe.Target, await p.Probe.ProbeAsync(cancellationToken))).ToList();
        var statuses = await Task.WhenAll(inventory.Nodes.Select(n => ReadAsync(n, cancellationToken)));
        var probed = await probe;
        var frontendProbes = others.Count == 0 ? null : await Task.WhenAll(others);
        var otherVipResults = await Task.WhenAll(otherVips);
        var neighbour = neighbours?.Find(inventory.Vip.Address);
        return VerificationRules.Judge(inventory, statuses, vipProbe.Target, probed, time.GetUtcNow(), neighbour, await retired, frontendProbes, otherVipResults);
    }

    private Task<NodeStatus> ReadAsync(LbNode node, CancellationToken cancellationToken) =>
        NodeRead.RunAsync(sessions, node, NodeStatusScript.Description, NodeStatusScript.Build(node.Interface), NodeTimeout,
            output => NodeStatusScript.Parse(node.Name, inventory.Vip.Address, output),
            (error, reached) => NodeStatus.Unreachable(node.Name, error) with { Reachable = reached },
            cancellationToken);
}
