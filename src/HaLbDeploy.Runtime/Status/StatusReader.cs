using HaLbDeploy.Core.Model;
using HaLbDeploy.Core.Status;
using HaLbDeploy.Runtime.Hosts;
using HaLbDeploy.Runtime.Verify;

namespace HaLbDeploy.Runtime.Status;

/// <summary>
/// One status round: every node read in parallel, one read-only script each (<see cref="TierStatusScript"/>), then
/// <see cref="StatusAnalyzer"/> makes the report. Uses the sessions only to read; nothing is probed from here.
/// </summary>
public sealed class StatusReader(Inventory inventory, NodeSessions sessions, TimeProvider time)
{
    public async Task<TierStatusReport> ReadAsync(CancellationToken cancellationToken)
    {
        var readings = await Task.WhenAll(inventory.Nodes.Select(node => NodeRead.RunAsync(sessions, node, TierStatusScript.Description,
            TierStatusScript.Build(), Verifier.NodeTimeout,
            output => TierStatusScript.Parse(node.Name, inventory.Vip.Address, output),
            (error, reached) => NodeReading.Unreachable(node.Name, error) with { Status = Core.Verification.NodeStatus.Unreachable(node.Name, error) with { Reachable = reached } },
            cancellationToken)));
        return StatusAnalyzer.Analyze(inventory, readings, time.GetUtcNow());
    }
}
