namespace HaLbDeploy.Core.Packages;

/// <summary>
/// The VIP holder's upgrade as the control host saw the VIP: from the moment the holder began to hand the VIP over
/// until it was back and healthy, probed every 50 ms (TCP connect to the VIP's frontend port).
/// </summary>
/// <param name="Holder">The node that held the VIP and was upgraded last.</param>
/// <param name="TakenOverBy">The node that held the VIP while the holder was upgraded; null when none was seen.</param>
/// <param name="Unreachable">The time without a successful probe, over every outage of the window.</param>
/// <param name="FailedProbes">Probes of the window that did not connect.</param>
public sealed record PlannedFailover(string Holder, string? TakenOverBy, TimeSpan Unreachable, DateTimeOffset Start, DateTimeOffset End, int Probes, int FailedProbes)
{
    /// <summary>The unreachable time in whole milliseconds, rounded: the one figure text and JSON both print.</summary>
    public long UnreachableMilliseconds => (long)Math.Round(Unreachable.TotalMilliseconds, MidpointRounding.AwayFromZero);

    public override string ToString() =>
        $"planned failover: VIP unreachable for {UnreachableMilliseconds} ms ({Holder} handed it to {TakenOverBy ?? "no node seen"} and took it back; {FailedProbes} of {Probes} probes failed)";
}
