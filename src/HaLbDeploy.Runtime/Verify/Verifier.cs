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
public sealed class Verifier(Inventory inventory, NodeSessions sessions, IVipProbe vipProbe, TimeProvider time, INeighbourTable? neighbours = null)
{
    /// <summary>The longest a node may take to answer before it counts as unreachable for this round.</summary>
    public static readonly TimeSpan NodeTimeout = TimeSpan.FromSeconds(30);

    public async Task<VerificationReport> VerifyAsync(CancellationToken cancellationToken)
    {
        var probe = vipProbe.ProbeAsync(cancellationToken);
        var retired = Task.WhenAll(inventory.Retired.Select(r => ReadAsync(r.AsSshTarget() with { Interface = inventory.DefaultInterface }, cancellationToken)));
        var statuses = await Task.WhenAll(inventory.Nodes.Select(n => ReadAsync(n, cancellationToken)));
        var probed = await probe;
        var neighbour = neighbours?.Find(inventory.Vip.Address);
        return VerificationRules.Judge(inventory, statuses, vipProbe.Target, probed, time.GetUtcNow(), neighbour, await retired);
    }

    private Task<NodeStatus> ReadAsync(LbNode node, CancellationToken cancellationToken) =>
        NodeRead.RunAsync(sessions, node, NodeStatusScript.Description, NodeStatusScript.Build(node.Interface), NodeTimeout,
            output => NodeStatusScript.Parse(node.Name, inventory.Vip.Address, output),
            (error, reached) => NodeStatus.Unreachable(node.Name, error) with { Reachable = reached },
            cancellationToken);
}
