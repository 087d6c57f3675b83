using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Ports;
using HaLbDeploy.Core.Verification;
using HaLbDeploy.Runtime.Hosts;

namespace HaLbDeploy.Runtime.Verify;

/// <summary>
/// One verify round: reads every node's status in parallel (one read-only script each) while probing the VIP from
/// the control host, then lets <see cref="VerificationRules"/> judge. Uses the sessions only to read. After the probe
/// it looks the VIP up in this machine's ARP table, so that a connection lost to a stale entry can be named.
/// </summary>
/// With a `vips:` list, <paramref name="otherVipProbes"/> probe the other VIP addresses (both families) in the same round.
public sealed class Verifier(Inventory inventory, NodeSessions sessions, IVipProbe vipProbe, TimeProvider time, INeighbourTable? neighbours = null,
    IReadOnlyList<(string Address, IVipProbe Probe)>? otherVipProbes = null)
{
    /// <summary>The longest a node may take to answer before it counts as unreachable for this round.</summary>
    public static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(30);

    public async Task<VerificationReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var probe = vipProbe.ProbeAsync(cancellationToken);
        var others = (otherVipProbes ?? []).Select(async p => new VipProbeOutcome(p.Address, p.Probe.Target, await p.Probe.ProbeAsync(cancellationToken))).ToList();
        var statuses = await Task.WhenAll(inventory.Nodes.Select(n => ReadAsync(n, cancellationToken)));
        var probed = await probe;
        var otherResults = await Task.WhenAll(others);
        var neighbour = neighbours?.Find(inventory.Vip.Address);
        return VerificationRules.Judge(inventory, statuses, vipProbe.Target, probed, time.GetUtcNow(), neighbour, otherResults);
    }

    private Task<NodeStatus> ReadAsync(LbNode node, CancellationToken cancellationToken) =>
        NodeRead.RunAsync(sessions, node, NodeStatusScript.Description, NodeStatusScript.Build(node.Interface), NodeTimeout,
            output => NodeStatusScript.Parse(node.Name, inventory.Vip.Address, output),
            (error, reached) => NodeStatus.Unreachable(node.Name, error) with { Reachable = reached },
            cancellationToken);
}
