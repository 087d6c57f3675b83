using HaLbDeploy.Core.Model;

namespace HaLbDeploy.Core.Failover;

/// <summary>What a failover test set out to do, and the settings its bounds come from.</summary>
/// <param name="HolderBefore">The node that held the VIP when the test started (verify said exactly one did).</param>
/// <param name="ClockUncertainty">How well the nodes' clocks are known relative to the control host (half the best round trip).</param>
public sealed record FailoverScenario(
    string FaultedNode,
    FailoverMode Mode,
    string HolderBefore,
    IReadOnlyList<NodePriority> Nodes,
    VrrpTiming Timing,
    TimeSpan SampleInterval,
    TimeSpan ProbeInterval,
    TimeSpan ClockUncertainty)
{
    /// <summary>The scenario of a test of <paramref name="options"/> on this inventory, once verify and the clocks have been read.</summary>
    /// <param name="clocks">One per node; the least well known sets <see cref="ClockUncertainty"/>.</param>
    /// <param name="trackFile">The faulted node tracks haproxy by the track file (<see cref="VrrpTiming.TrackFile"/>), as read from it.</param>
    public static FailoverScenario For(Inventory inventory, FailoverTestOptions options, string holderBefore, IReadOnlyList<NodeClock> clocks, bool trackFile = false) =>
        new(options.NodeName, options.Mode, holderBefore, inventory.Nodes.Select(n => new NodePriority(n.Name, n.Priority)).ToList(),
            VrrpTiming.From(inventory) with { TrackFile = trackFile }, options.SampleInterval, options.ProbeInterval, clocks.Max(c => c.Uncertainty));

    public bool FaultedNodeHeldVip => FaultedNode == HolderBefore;

    public int PriorityOf(string node) => Nodes.First(n => n.Name == node).Priority;

    /// <summary>The node keepalived will pick when the faulted node is out: the highest priority among the rest.</summary>
    public NodePriority ExpectedTakeover => VrrpElection.Winner(Nodes.Where(n => n.Name != FaultedNode), n => n.Priority)!;

    /// <summary>Where the VIP should end up once the node is back: with preempt the highest priority overall.</summary>
    public string ExpectedHolderAfterRestore(string holderAtRestore) =>
        Timing.Preempt ? VrrpElection.Winner(Nodes, n => n.Priority)!.Name : holderAtRestore;
}
